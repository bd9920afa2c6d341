// Placeholder until the MongoDB-compatible test server lands (owned by the test-server work).
export default async function globalSetup(): Promise<void> {}
