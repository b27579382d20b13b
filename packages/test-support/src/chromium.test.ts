import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { chromiumFlags, chromiumLaunchOptions } from './chromium.ts';

describe('launching Chromium', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.CHROME_PATH;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROME_PATH;
    else process.env.CHROME_PATH = saved;
  });

  it('CHROME_PATH chooses the browser; the options are headless, with the flags and the extra arguments', () => {
    // Any file that exists will do: the options are only built here, nothing is launched.
    process.env.CHROME_PATH = process.execPath;
    assert.deepEqual(chromiumLaunchOptions(['--lang=en-US']), {
      executablePath: process.execPath,
      headless: true,
      args: [...chromiumFlags, '--lang=en-US'],
    });
    assert.ok(chromiumFlags.includes('--no-sandbox'));
  });

  it('a missing browser is named, with how to install it or where to point instead', () => {
    process.env.CHROME_PATH = '/nowhere/chromium';
    assert.throws(() => chromiumLaunchOptions(), {
      message:
        /Chromium not found at \/nowhere\/chromium\. Install it with: apt-get install -y chromium \(or set CHROME_PATH\)/,
    });
  });
});
