/** The Teams side of the bot: installation, channel choice, commands and card actions. */
export { BalanceBot } from './balance-bot';
export type { HandlerDeps } from './deps';
export { parseCommand, normalize } from './commands';
