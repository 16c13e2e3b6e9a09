import { createHash, randomBytes } from 'node:crypto';
import { decrypt, encrypt } from '@wecom/crypto';
import { XMLParser } from 'fast-xml-parser';

/** A made-up EncodingAESKey (43 letters and digits, as the platform generates), and ids of the same shape as real ones. */
export const TEST_AES_KEY = 'kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aQ';
export const TEST_APP_ID = 'wx5823bf96d3bd56c7';
export const TEST_CORP_ID = 'ww1a2b3c4d5e6f7a8b';
export const TEST_TOKEN = 'QDG6eK';

/** How the Official Account's 消息加解密方式 is set: 明文, 兼容 or 安全 mode. WeCom is always safe. */
export type Mode = 'plaintext' | 'compatible' | 'safe';

export interface StandInOptions {
  platform: 'oa' | 'wecom';
  mode: Mode;
  token: string;
  path: string;
  /** The AppID or CorpID the platform seals into each encrypted message. */
  receiverId: string;
  aesKey?: string;
  /** Delivers one request: Hono's `app.request` in-process, or `fetch` to a started server. */
  send: (url: string, init?: RequestInit) => Response | Promise<Response>;
  /** The platform's clock, in ms. */
  clock?: () => number;
}

/** What the bot answered, read as the platform reads it. */
export interface Reply {
  status: number;
  body: string;
  /** True for the protocol's empty reply `success`. */
  success: boolean;
  /** The reply document's fields, decrypted and with its signature checked in safe mode. */
  fields?: Record<string, string>;
  content?: string;
  /** Whether the reply came encrypted. */
  sealed?: boolean;
}

export interface PostOptions {
  /** Seconds since the epoch to sign with, instead of now. */
  timestamp?: number;
  /** Sign with another token, as a forger who does not know it would. */
  forgeSignature?: boolean;
  /** Post these bytes as they are, unencrypted, instead of a document built from the fields. */
  rawBody?: string;
  /** In safe mode, seal this text instead of a document built from the fields. */
  rawInner?: string;
  /** In safe mode, seal for this AppID/CorpID instead of the right one. */
  sealFor?: string;
}

const sha1 = (parts: string[]) => createHash('sha1').update([...parts].sort().join('')).digest('hex');

/** The platform's XML: text in CDATA, numbers bare, like the examples in its documentation. */
export function toXml(fields: Record<string, string | number>): string {
  const children = Object.entries(fields).map(([k, v]) => (typeof v === 'number' ? `<${k}>${v}</${k}>` : `<${k}><![CDATA[${v}]]></${k}>`));
  return `<xml>${children.join('')}</xml>`;
}

const parser = new XMLParser({ parseTagValue: false, trimValues: false });

/**
 * A stand-in for the WeChat (or WeCom) servers: builds real-shaped callback messages, signs them
 * with the token and, in safe mode, encrypts them with the key, posts them to the bot, and reads
 * the reply the way the platform would (checking the reply's own signature and sealed id).
 */
export class StandInWechat {
  readonly #o: StandInOptions;
  #msgId = 10_000_000_000_000_000n;

  constructor(options: StandInOptions) {
    this.#o = options;
  }

  get account(): string {
    return this.#o.platform === 'wecom' ? this.#o.receiverId : 'gh_0123456789ab';
  }

  now(): number {
    return Math.floor((this.#o.clock ?? Date.now)() / 1000);
  }

  nextMsgId(): string {
    this.#msgId += 1n;
    return String(this.#msgId);
  }

  /** The URL check the platform makes when 服务器配置 is saved. */
  async verify(echostr: string, options: PostOptions = {}): Promise<Response> {
    const timestamp = String(options.timestamp ?? this.now());
    const nonce = randomBytes(5).toString('hex');
    const token = options.forgeSignature ? 'notTheToken' : this.#o.token;
    const query = new URLSearchParams({ timestamp, nonce });
    if (this.#o.platform === 'wecom') {
      const sealed = encrypt(this.#key(), echostr, this.#o.receiverId);
      query.set('msg_signature', sha1([token, timestamp, nonce, sealed]));
      query.set('echostr', sealed);
    } else {
      query.set('signature', sha1([token, timestamp, nonce]));
      query.set('echostr', echostr);
    }
    return this.#o.send(`${this.#o.path}?${query.toString()}`);
  }

  /** Posts one message with these fields (ToUserName and CreateTime added), in the stand-in's mode. */
  async post(fields: Record<string, string | number>, options: PostOptions = {}): Promise<Reply> {
    const timestamp = String(options.timestamp ?? this.now());
    const nonce = randomBytes(5).toString('hex');
    const token = options.forgeSignature ? 'notTheToken' : this.#o.token;
    const plain = options.rawInner ?? toXml({ ToUserName: this.account, ...fields });
    const query = new URLSearchParams({ timestamp, nonce });
    let body = plain;
    if (this.#o.platform === 'oa') {
      query.set('signature', sha1([token, timestamp, nonce]));
      query.set('openid', String(fields.FromUserName ?? ''));
    }
    if (options.rawBody !== undefined) {
      body = options.rawBody;
    } else if (this.#o.mode !== 'plaintext') {
      const sealed = encrypt(this.#key(), plain, options.sealFor ?? this.#o.receiverId);
      query.set('encrypt_type', 'aes');
      query.set('msg_signature', sha1([token, timestamp, nonce, sealed]));
      const agent: Record<string, string> = this.#o.platform === 'wecom' ? { AgentID: '1000002' } : {};
      body =
        this.#o.mode === 'compatible'
          ? plain.replace('</xml>', `<Encrypt><![CDATA[${sealed}]]></Encrypt></xml>`)
          : toXml({ ToUserName: this.account, ...agent, Encrypt: sealed });
    }
    const res = await this.#o.send(`${this.#o.path}?${query.toString()}`, { method: 'POST', body, headers: { 'Content-Type': 'text/xml' } });
    return this.read(res);
  }

  text(user: string, content: string, msgId = this.nextMsgId()): Promise<Reply> {
    return this.post({ FromUserName: user, CreateTime: this.now(), MsgType: 'text', Content: content, MsgId: msgId });
  }

  voice(user: string, recognition: string): Promise<Reply> {
    return this.post({ FromUserName: user, CreateTime: this.now(), MsgType: 'voice', MediaId: 'media_id_voice', Format: 'amr', Recognition: recognition, MsgId: this.nextMsgId() });
  }

  event(user: string, event: string): Promise<Reply> {
    return this.post({ FromUserName: user, CreateTime: this.now(), MsgType: 'event', Event: event });
  }

  image(user: string): Promise<Reply> {
    return this.post({ FromUserName: user, CreateTime: this.now(), MsgType: 'image', PicUrl: 'http://mmbiz.qpic.cn/x.jpg', MediaId: 'media_id_image', MsgId: this.nextMsgId() });
  }

  /** Reads a reply as the platform does: `success`, a plaintext document, or a sealed one whose signature and id must check out. */
  async read(res: Response): Promise<Reply> {
    const body = await res.text();
    if (res.status !== 200) return { status: res.status, body, success: false };
    if (body === 'success') return { status: 200, body, success: true };
    let fields = (parser.parse(body) as { xml: Record<string, string> }).xml;
    let sealed = false;
    if (fields.Encrypt !== undefined) {
      const { Encrypt, MsgSignature, TimeStamp, Nonce } = fields;
      if (MsgSignature !== sha1([this.#o.token, String(TimeStamp), String(Nonce), String(Encrypt)])) throw new Error(`reply signature does not check out: ${body}`);
      const opened = decrypt(this.#key(), String(Encrypt));
      if (opened.id !== this.#o.receiverId) throw new Error(`reply sealed for ${opened.id}, not ${this.#o.receiverId}`);
      fields = (parser.parse(opened.message) as { xml: Record<string, string> }).xml;
      sealed = true;
    }
    return { status: 200, body, success: false, fields, content: String(fields.Content ?? ''), sealed };
  }

  #key(): string {
    if (!this.#o.aesKey) throw new Error('this stand-in has no EncodingAESKey');
    return this.#o.aesKey;
  }
}
