#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/ into lib/ by `npm run compile` (run on `npm install`).
import { main } from '../lib/cli.js'

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
