/**
 * Telegram's flood limits, as the double enforces them when asked (`TelegramDouble.start({ limits })`
 * or `tg.setLimits`): about 30 messages per second overall, about 1 per second to one chat with a
 * short burst tolerated, 20 per minute to one group. Beyond them a call is answered
 * `429 Too Many Requests: retry after N` with `parameters.retry_after`, as Telegram does, and is
 * not carried out. Off by default, so functional tests stay lenient.
 */
export interface LimitOptions {
  /** Messages per sliding second over all chats (default 30). */
  perSecond?: number;
  /** Sustained messages per second to one private chat (default 1). */
  perChatPerSecond?: number;
  /** Messages one private chat may take at once before the per-chat rate applies (default 3). */
  perChatBurst?: number;
  /** Messages per sliding minute to one group or channel (negative chat id; default 20). */
  groupPerMinute?: number;
  /**
   * The double's clock in ms (default Date.now). A test of the limits themselves stops it, so a
   * slow round trip on a loaded machine does not refill a chat's burst between its sends.
   */
  clock?: () => number;
}

/** Calls that put or change a message in a chat; reads, callback answers and chat actions are free. */
const COUNTED = new Set(
  [
    'sendMessage', 'sendPhoto', 'sendDocument', 'sendVideo', 'sendVoice', 'sendAudio', 'sendAnimation', 'sendVideoNote',
    'sendMediaGroup', 'sendLocation', 'sendVenue', 'sendContact', 'sendSticker', 'sendPoll', 'sendDice', 'copyMessage',
    'forwardMessage', 'editMessageText', 'editMessageCaption', 'editMessageMedia', 'editMessageReplyMarkup',
  ].map((m) => m.toLowerCase()),
);

interface Bucket {
  tokens: number;
  at: number;
}

export class FloodLimits {
  private readonly perSecond: number;
  private readonly perChatPerSecond: number;
  private readonly perChatBurst: number;
  private readonly groupPerMinute: number;
  private readonly recent: number[] = [];
  private readonly chats = new Map<number, Bucket>();
  private readonly groups = new Map<number, number[]>();
  readonly now: () => number;

  constructor(opts: LimitOptions = {}) {
    this.perSecond = opts.perSecond ?? 30;
    this.perChatPerSecond = opts.perChatPerSecond ?? 1;
    this.perChatBurst = opts.perChatBurst ?? 3;
    this.groupPerMinute = opts.groupPerMinute ?? 20;
    this.now = opts.clock ?? Date.now;
  }

  /** 0 when the call may go now (and is counted), else the seconds Telegram would ask to wait. */
  check(method: string, chatId: number | undefined, now: number): number {
    if (!COUNTED.has(method.toLowerCase())) return 0;
    while (this.recent.length && this.recent[0] <= now - 1000) this.recent.shift();
    const overall = this.recent.length >= this.perSecond ? this.recent[0] + 1000 - now : 0;
    const chat = chatId === undefined ? 0 : chatId < 0 ? this.groupWait(chatId, now) : this.chatWait(chatId, now);
    const wait = Math.max(overall, chat);
    if (wait > 0) return Math.max(1, Math.ceil(wait / 1000));
    this.recent.push(now);
    if (chatId !== undefined && chatId < 0) this.groups.get(chatId)?.push(now);
    else if (chatId !== undefined) this.take(chatId);
    return 0;
  }

  private bucket(chatId: number, now: number): Bucket {
    const b = this.chats.get(chatId) ?? { tokens: this.perChatBurst, at: now };
    b.tokens = Math.min(this.perChatBurst, b.tokens + ((now - b.at) / 1000) * this.perChatPerSecond);
    b.at = now;
    this.chats.set(chatId, b);
    return b;
  }

  private chatWait(chatId: number, now: number): number {
    const b = this.bucket(chatId, now);
    return b.tokens >= 1 ? 0 : ((1 - b.tokens) / this.perChatPerSecond) * 1000;
  }

  private take(chatId: number): void {
    const b = this.chats.get(chatId);
    if (b) b.tokens -= 1;
  }

  private groupWait(chatId: number, now: number): number {
    const sent = (this.groups.get(chatId) ?? []).filter((t) => t > now - 60_000);
    this.groups.set(chatId, sent);
    return sent.length >= this.groupPerMinute ? sent[0] + 60_000 - now : 0;
  }
}
