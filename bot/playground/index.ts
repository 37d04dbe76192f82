/** Starting the Microsoft 365 Agents Playground next to the bot in local mode. */
export { startPlayground, type PlaygroundHandle } from './playground';
