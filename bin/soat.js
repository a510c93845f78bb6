#!/usr/bin/env node
'use strict';
const { runCli } = require('../lib/src/cli/run.js');

runCli(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
