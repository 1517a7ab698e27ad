// Filled in by the database test harness; pure tests need nothing.
export default async function setup(): Promise<void> {}
