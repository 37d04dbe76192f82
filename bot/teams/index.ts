/** Where the bot is installed and where each team wants its reminders. */
export { StateStoreTeamRegistry } from './registry';
export { markTeamGone, teamIsGone } from './team-gone';
export { createTeamsMeetings } from './meeting-lookup';
