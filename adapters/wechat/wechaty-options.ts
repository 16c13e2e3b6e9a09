import type { OfficialPuppetNpmName, WechatyOptions } from 'wechaty';
import { AdapterError } from '../../src/errors.js';
import type { Config } from '../config/index.js';

/**
 * An npm package name, scoped or not (`wechaty-puppet-wechat4u`, `@juzi/wechaty-puppet-service`):
 * catches a token or URL pasted into the wrong variable before wechaty tries to import it.
 */
const PACKAGE_NAME = /^(@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*$/;

/**
 * Wechaty's options from our Config, never from the environment: the puppet package by name (wechaty
 * imports it), its token when one is set, and WECHATY_NAME, which names the memory card file
 * (`<name>.memory-card.json`) where puppets keep the login between restarts.
 */
export function wechatyOptionsFrom(config: Config): WechatyOptions {
  const puppet = config.WECHATY_PUPPET;
  if (!puppet) {
    throw new AdapterError('wechat', 'WECHATY_PUPPET is not set: set it to an installed puppet package, e.g. wechaty-puppet-wechat4u (see adapters/wechat/README.md)');
  }
  // The value is not echoed: a token pasted here by mistake must not reach the logs.
  if (puppet.startsWith('puppet_')) {
    throw new AdapterError('wechat', 'WECHATY_PUPPET looks like a token: put the token in WECHATY_PUPPET_SERVICE_TOKEN and the package (e.g. wechaty-puppet-service) in WECHATY_PUPPET');
  }
  if (!PACKAGE_NAME.test(puppet)) {
    throw new AdapterError('wechat', 'WECHATY_PUPPET is not an npm package name: expected e.g. wechaty-puppet-wechat4u or @scope/wechaty-puppet-service');
  }
  const token = config.WECHATY_PUPPET_SERVICE_TOKEN;
  return {
    name: config.WECHATY_NAME,
    // Wechaty types the name as its list of official puppets, but imports whatever package it is given.
    puppet: puppet as OfficialPuppetNpmName,
    ...(token ? { puppetOptions: { token } } : {}),
  };
}
