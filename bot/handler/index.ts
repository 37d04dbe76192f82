/** The Teams side of the bot: installation, channel choice, commands and card actions. */
export { BalanceBot } from './balance-bot';
export type { HandlerDeps, Snoozer } from './deps';
export { parseCommand, normalize, type Command, type ParsedCommand } from './commands';
