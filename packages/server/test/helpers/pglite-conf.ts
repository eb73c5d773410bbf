/**
 * postgresql.conf for in-memory test databases. One holds a few thousand rows, in memory anyway:
 * 16 MB of shared buffers instead of 128 MB makes each PGlite start ~35% cheaper (PostgreSQL zeroes
 * them as it starts), and a run starts ~150.
 */
export const TEST_PGLITE_CONF = ['shared_buffers = 16MB'];
