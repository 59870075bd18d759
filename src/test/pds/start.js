#!/usr/bin/env node
// Starts a local did:plc directory and a real Bluesky PDS (@atproto/pds), both bound to
// 127.0.0.1 only, for Vitrine's tests. Run it with Node 22 (scripts/pds.sh start does).
//
//   node start.js <plcPort> <pdsPort> <dataDir>
//   (or env VITRINE_PLC_PORT, VITRINE_PDS_PORT, VITRINE_PDS_DATA_DIR)
//
// Optional env:
//   VITRINE_PDS_ADMIN_PASSWORD  admin password (Basic auth user "admin"), default "admin-pass"
//   VITRINE_PDS_RATE_LIMITS     "true" enables the PDS's real rate limits (429s), default off
//   VITRINE_PDS_WATCH_STDIN     "false" disables exit-on-stdin-close, default on
//   VITRINE_PDS_LOG             "true" writes the PDS's pino logs to <dataDir>/pds.log
//   VITRINE_PDS_JWT_SECRET      fixed HS256 secret for session JWTs (lets a test mint an expired
//                               token); default: 32 random bytes as hex
//
// stdout gets exactly one line once both servers listen: "PDS_READY http://127.0.0.1:<pdsPort>".
// Everything else goes to stderr. Exits on SIGTERM/SIGINT, when stdin closes, or when the
// parent process dies. Exit code 2 on bad arguments, 3 if startup fails (e.g. port in use).
'use strict'

const fs = require('node:fs')
const http = require('node:http')
const path = require('node:path')
const crypto = require('node:crypto')

const HOST = '127.0.0.1'
const log = (...a) => console.error('[vitrine-pds]', ...a)

function fail(code, msg) {
  log('ERROR:', msg)
  process.exit(code)
}

// Make an express app's listen(port) bind to 127.0.0.1 only (the stock code binds all interfaces).
function bindLoopback(app) {
  app.listen = function (port) {
    const server = http.createServer(this)
    return server.listen(port, HOST)
  }
}

function parsePort(v, name) {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1 || n > 65535) fail(2, `${name} must be a port 1..65535, got '${v}'`)
  return n
}

async function main() {
  const [a1, a2, a3] = process.argv.slice(2)
  const plcPort = parsePort(a1 ?? process.env.VITRINE_PLC_PORT, 'plcPort')
  const pdsPort = parsePort(a2 ?? process.env.VITRINE_PDS_PORT, 'pdsPort')
  const dataDir = a3 ?? process.env.VITRINE_PDS_DATA_DIR
  if (!dataDir) fail(2, 'usage: start.js <plcPort> <pdsPort> <dataDir>')
  if (plcPort === pdsPort) fail(2, 'plcPort and pdsPort must differ')
  const blobDir = path.join(dataDir, 'blobs')
  fs.mkdirSync(blobDir, { recursive: true })

  const logOn = process.env.VITRINE_PDS_LOG === 'true'
  // Read by the loggers at module load: set before importing anything from @atproto / @did-plc.
  process.env.LOG_ENABLED = logOn ? 'true' : 'false'
  if (logOn) process.env.LOG_DESTINATION = path.join(dataDir, 'pds.log')

  const { Secp256k1Keypair } = await import('@atproto/crypto')
  const rotationKey = await Secp256k1Keypair.create({ exportable: true })
  const rotationKeyHex = Buffer.from(await rotationKey.export()).toString('hex')

  Object.assign(process.env, {
    PDS_HOSTNAME: 'localhost', // => publicUrl http://localhost:<port>, service did did:web:localhost
    PDS_PORT: String(pdsPort),
    PDS_DEV_MODE: 'true',
    PDS_SERVICE_HANDLE_DOMAINS: '.test', // handles like alice.test
    // a host NAME, not an IP: the PDS's SSRF-safe fetch (used to resolve DID docs) rejects IP
    // literals with 'Invalid hostname' even in dev mode. localhost resolves to the 127.0.0.1 bind.
    PDS_DID_PLC_URL: `http://localhost:${plcPort}`,
    PDS_INVITE_REQUIRED: 'false',
    PDS_ENABLE_DID_DOC_WITH_SESSION: 'true', // createSession etc. return didDoc, as bsky.social does
    PDS_JWT_SECRET: process.env.VITRINE_PDS_JWT_SECRET || crypto.randomBytes(32).toString('hex'),
    PDS_ADMIN_PASSWORD: process.env.VITRINE_PDS_ADMIN_PASSWORD || 'admin-pass',
    PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX: rotationKeyHex,
    PDS_DATA_DIRECTORY: dataDir,
    PDS_BLOBSTORE_DISK_LOCATION: blobDir,
    PDS_CRAWLERS: '',
    PDS_RATE_LIMITS_ENABLED: process.env.VITRINE_PDS_RATE_LIMITS === 'true' ? 'true' : 'false',
  })

  const plcMod = require('@did-plc/server')
  const { PDS, readEnv, envToCfg, envToSecrets } = await import('@atproto/pds')

  const plc = plcMod.PlcServer.create({ db: plcMod.Database.mock(), port: plcPort })
  bindLoopback(plc.app)
  let pds = null

  let stopping = false
  const stop = async (why) => {
    if (stopping) return
    stopping = true
    log(`stopping (${why})`)
    setTimeout(() => process.exit(0), 5000).unref()
    try { if (pds) await pds.destroy() } catch (e) { log('pds destroy:', e.message) }
    try { await plc.destroy() } catch (e) { log('plc destroy:', e.message) }
    process.exit(0)
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
  if (process.env.VITRINE_PDS_WATCH_STDIN !== 'false') {
    process.stdin.on('end', () => stop('stdin closed'))
    process.stdin.on('close', () => stop('stdin closed'))
    process.stdin.on('error', () => stop('stdin error'))
    process.stdin.resume()
  }
  const parent = process.ppid
  setInterval(() => { if (process.ppid !== parent) stop('parent died') }, 1000).unref()

  try {
    await plc.start()
    const env = readEnv()
    pds = await PDS.create(envToCfg(env), envToSecrets(env))
    bindLoopback(pds.app)
    await pds.start()
  } catch (e) {
    try { await plc.destroy() } catch {}
    fail(3, `startup failed: ${e && e.stack ? e.stack : e}`)
  }
  log(`PLC http://${HOST}:${plcPort}  data ${dataDir}  rate limits ${process.env.PDS_RATE_LIMITS_ENABLED}`)
  process.stdout.write(`PDS_READY http://${HOST}:${pdsPort}\n`)
}

main().catch((e) => fail(3, e && e.stack ? e.stack : String(e)))
