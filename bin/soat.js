#!/usr/bin/env node
'use strict';
const { runCli } = require('../lib/src/cli/run.js');
const { dropOutputOnClosedPipe } = require('../lib/src/cli/io.js');

dropOutputOnClosedPipe(process.stdout);

runCli(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
