#!/usr/bin/env node
'use strict';
/**
 * node packages/verify-evidence/cli.js <bundle.json> --log-key <base64> [--witness-key [<name>=]<base64>]... [--json]
 *
 * Exit 0: everything verified. Exit 1: the bundle does not verify (the first failure is printed).
 * Exit 2: the command line or the file could not be used.
 */
const { readFileSync } = require('node:fs');
const { verifyBundle } = require('./verify');

const USAGE =
  '用法 / usage: verify-evidence <证据包.json> --log-key <base64> [--witness-key [<名称>=]<base64>]... [--json]';

function parseArgs(argv) {
  const args = { file: null, logKey: null, witnessKeys: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} 缺少值 / ${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--log-key') args.logKey = value();
    else if (arg === '--witness-key') {
      const spec = value();
      // A base64 key has no '=' before its end, so "name=key" splits at the first '=' followed by more text.
      const split = spec.search(/=(?=[A-Za-z0-9+/])/);
      args.witnessKeys.push(
        split > 0 ? { name: spec.slice(0, split), publicKey: spec.slice(split + 1) } : { publicKey: spec },
      );
    } else if (arg === '--json') args.json = true;
    else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else if (arg.startsWith('--')) throw new Error(`未知选项 / unknown option ${arg}`);
    else if (args.file === null) args.file = arg;
    else throw new Error(`多余的参数 / unexpected argument ${arg}`);
  }
  if (args.file === null || args.logKey === null) throw new Error(USAGE);
  return args;
}

function main(argv) {
  let args;
  let bundle;
  try {
    args = parseArgs(argv);
    bundle = JSON.parse(readFileSync(args.file, 'utf8'));
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const result = verifyBundle(bundle, { logKey: args.logKey, witnessKeys: args.witnessKeys });
  if (args.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else if (result.ok) {
    process.stdout.write(
      `验证通过：${result.message.replace(/^证据包验证通过：/, '')}\nVERIFIED: ${result.messageEn.replace(/^the bundle verifies: /, '')}\n`,
    );
  } else {
    const { code, message, messageEn } = result.failure;
    process.stdout.write(`验证失败（${code}）：${message}\nNOT VERIFIED (${code}): ${messageEn}\n`);
  }
  return result.ok ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
