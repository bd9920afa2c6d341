/** Child process: the project's MongoDB-compatible test server on a free loopback port. */
import { startMongoTestServer } from '../test/support/mongo/server';
import { reportChildError, serveChild } from './lib/child';

startMongoTestServer({ port: 0 }).then((server) => serveChild(server.uri, () => server.stop()), reportChildError);
