// OTLP/HTTP protobuf, pure: ExportTraceServiceRequest bytes → the OTLP/JSON shape (hex ids,
// decimal-string nanoseconds, integer enums), so one mapper serves both encodings; and the
// ExportTraceServiceResponse encoder. Field numbers from opentelemetry/proto (trace/v1,
// common/v1, resource/v1, collector/trace/v1); unknown fields are skipped as protobuf requires.
import { BadRequestError } from "../errors";

type Obj = Record<string, unknown>;

const VARINT = 0;
const I64 = 1;
const LEN = 2;
const I32 = 5;
/** AnyValue may nest (arrays, kvlists); a body nesting deeper than this is refused, not recursed into. */
const MAX_DEPTH = 64;

class Malformed extends Error {}

class Reader {
  pos: number;
  constructor(
    private readonly buf: Uint8Array,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
  }

  more(): boolean {
    return this.pos < this.end;
  }

  /** A varint as a number (exact up to 2^53: tags, lengths, enums, counts). */
  varint(): number {
    let result = 0;
    for (let shift = 0; shift < 70; shift += 7) {
      if (this.pos >= this.end) throw new Malformed("truncated varint");
      const b = this.buf[this.pos++];
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
    }
    throw new Malformed("varint longer than 10 bytes");
  }

  /** A varint as a signed 64-bit integer (int64 fields: two's complement, so negatives take 10 bytes). */
  int64(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.pos >= this.end) throw new Malformed("truncated varint");
      const b = this.buf[this.pos++];
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return BigInt.asIntN(64, result);
    }
    throw new Malformed("varint longer than 10 bytes");
  }

  private fixed(n: number): DataView {
    if (this.pos + n > this.end) throw new Malformed("truncated fixed-width field");
    const view = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, n);
    this.pos += n;
    return view;
  }

  fixed64(): bigint {
    return this.fixed(8).getBigUint64(0, true);
  }

  double(): number {
    return this.fixed(8).getFloat64(0, true);
  }

  /** A length-delimited field as a sub-reader over the same buffer. */
  sub(): Reader {
    const len = this.varint();
    if (len > this.end - this.pos) throw new Malformed("length runs past the end of its message");
    const r = new Reader(this.buf, this.pos, this.pos + len);
    this.pos += len;
    return r;
  }

  bytes(): Uint8Array {
    const r = this.sub();
    return this.buf.subarray(r.pos, r.end);
  }

  string(): string {
    return UTF8.decode(this.bytes());
  }

  skip(wireType: number): void {
    if (wireType === VARINT) this.varint();
    else if (wireType === I64) this.fixed(8);
    else if (wireType === LEN) this.sub();
    else if (wireType === I32) this.fixed(4);
    else throw new Malformed(`unsupported wire type ${wireType}`);
  }

  /** Calls `field` for each field of this message; a known field with the wrong wire type is malformed. */
  each(field: (no: number, wireType: number) => boolean): void {
    while (this.more()) {
      const tag = this.varint();
      const no = Math.floor(tag / 8);
      const wireType = tag & 7;
      if (no === 0) throw new Malformed("field number 0");
      if (!field(no, wireType)) this.skip(wireType);
    }
  }
}

const UTF8 = new TextDecoder("utf-8", { fatal: false });
const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("hex");
const base64 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("base64");

/** Reads one field with the wire type the schema says it has, else it is malformed. */
function expect(wireType: number, want: number): true {
  if (wireType !== want) throw new Malformed(`wire type ${wireType} where ${want} was expected`);
  return true;
}

/** Decodes an ExportTraceServiceRequest; a body that is not one is a 400. */
export function decodeTraceRequest(bytes: Uint8Array): Obj {
  try {
    const r = new Reader(bytes);
    const resourceSpans: Obj[] = [];
    r.each((no, wt) => no === 1 && expect(wt, LEN) && !!resourceSpans.push(resourceSpansOf(r.sub())));
    return { resourceSpans };
  } catch (err) {
    if (err instanceof Malformed) {
      throw new BadRequestError(`The body is not a valid OTLP protobuf ExportTraceServiceRequest: ${err.message}.`);
    }
    throw err;
  }
}

function resourceSpansOf(r: Reader): Obj {
  const out: Obj = {};
  const scopeSpans: Obj[] = [];
  r.each((no, wt) => {
    if (no === 1 && expect(wt, LEN)) out.resource = resourceOf(r.sub());
    else if (no === 2 && expect(wt, LEN)) scopeSpans.push(scopeSpansOf(r.sub()));
    else return false;
    return true;
  });
  return { ...out, scopeSpans };
}

function resourceOf(r: Reader): Obj {
  const attributes: Obj[] = [];
  r.each((no, wt) => no === 1 && expect(wt, LEN) && !!attributes.push(keyValueOf(r.sub(), 0)));
  return { attributes };
}

function scopeSpansOf(r: Reader): Obj {
  const out: Obj = {};
  const spans: Obj[] = [];
  r.each((no, wt) => {
    if (no === 1 && expect(wt, LEN)) out.scope = scopeOf(r.sub());
    else if (no === 2 && expect(wt, LEN)) spans.push(spanOf(r.sub()));
    else return false;
    return true;
  });
  return { ...out, spans };
}

function scopeOf(r: Reader): Obj {
  const out: Obj = {};
  const attributes: Obj[] = [];
  r.each((no, wt) => {
    if (no === 1 && expect(wt, LEN)) out.name = r.string();
    else if (no === 2 && expect(wt, LEN)) out.version = r.string();
    else if (no === 3 && expect(wt, LEN)) attributes.push(keyValueOf(r.sub(), 0));
    else return false;
    return true;
  });
  return { ...out, attributes };
}

function spanOf(r: Reader): Obj {
  const out: Obj = {};
  const attributes: Obj[] = [];
  const events: Obj[] = [];
  r.each((no, wt) => {
    if (no === 1 && expect(wt, LEN)) out.traceId = hex(r.bytes());
    else if (no === 2 && expect(wt, LEN)) out.spanId = hex(r.bytes());
    else if (no === 3 && expect(wt, LEN)) out.traceState = r.string();
    else if (no === 4 && expect(wt, LEN)) out.parentSpanId = hex(r.bytes());
    else if (no === 5 && expect(wt, LEN)) out.name = r.string();
    else if (no === 6 && expect(wt, VARINT)) out.kind = r.varint();
    else if (no === 7 && expect(wt, I64)) out.startTimeUnixNano = r.fixed64().toString();
    else if (no === 8 && expect(wt, I64)) out.endTimeUnixNano = r.fixed64().toString();
    else if (no === 9 && expect(wt, LEN)) attributes.push(keyValueOf(r.sub(), 0));
    else if (no === 11 && expect(wt, LEN)) events.push(eventOf(r.sub()));
    else if (no === 15 && expect(wt, LEN)) out.status = statusOf(r.sub());
    else return false; // links, dropped counts, flags: not stored
    return true;
  });
  return { ...out, attributes, events };
}

function eventOf(r: Reader): Obj {
  const out: Obj = {};
  const attributes: Obj[] = [];
  r.each((no, wt) => {
    if (no === 1 && expect(wt, I64)) out.timeUnixNano = r.fixed64().toString();
    else if (no === 2 && expect(wt, LEN)) out.name = r.string();
    else if (no === 3 && expect(wt, LEN)) attributes.push(keyValueOf(r.sub(), 0));
    else return false;
    return true;
  });
  return { ...out, attributes };
}

function statusOf(r: Reader): Obj {
  const out: Obj = {};
  r.each((no, wt) => {
    if (no === 2 && expect(wt, LEN)) out.message = r.string();
    else if (no === 3 && expect(wt, VARINT)) out.code = r.varint();
    else return false;
    return true;
  });
  return out;
}

function keyValueOf(r: Reader, depth: number): Obj {
  const out: Obj = { key: "" };
  r.each((no, wt) => {
    if (no === 1 && expect(wt, LEN)) out.key = r.string();
    else if (no === 2 && expect(wt, LEN)) out.value = anyValueOf(r.sub(), depth + 1);
    else return false;
    return true;
  });
  return out;
}

function anyValueOf(r: Reader, depth: number): Obj {
  if (depth > MAX_DEPTH) throw new Malformed(`attribute values nest deeper than ${MAX_DEPTH} levels`);
  let out: Obj = {};
  r.each((no, wt) => {
    if (no === 1 && expect(wt, LEN)) out = { stringValue: r.string() };
    else if (no === 2 && expect(wt, VARINT)) out = { boolValue: r.varint() !== 0 };
    else if (no === 3 && expect(wt, VARINT)) out = { intValue: r.int64().toString() };
    else if (no === 4 && expect(wt, I64)) out = { doubleValue: jsonDouble(r.double()) };
    else if (no === 5 && expect(wt, LEN)) out = { arrayValue: { values: repeated(r.sub(), (s) => anyValueOf(s, depth + 1)) } };
    else if (no === 6 && expect(wt, LEN)) out = { kvlistValue: { values: repeated(r.sub(), (s) => keyValueOf(s, depth + 1)) } };
    else if (no === 7 && expect(wt, LEN)) out = { bytesValue: base64(r.bytes()) };
    else return false;
    return true;
  });
  return out;
}

/** The `repeated … values = 1` of ArrayValue and KeyValueList. */
function repeated(r: Reader, item: (r: Reader) => Obj): Obj[] {
  const values: Obj[] = [];
  r.each((no, wt) => no === 1 && expect(wt, LEN) && !!values.push(item(r.sub())));
  return values;
}

/** As proto3 JSON writes doubles: NaN and the infinities as strings. */
const jsonDouble = (d: number): number | string => (Number.isFinite(d) ? d : String(d));

/** ExportTraceServiceResponse: empty on full success, else partial_success {rejected_spans, error_message}. */
export function encodeTraceResponse(partial?: { rejectedSpans: number; errorMessage?: string }): Uint8Array {
  if (!partial || (partial.rejectedSpans === 0 && !partial.errorMessage)) return new Uint8Array(0);
  const inner: number[] = [];
  if (partial.rejectedSpans > 0) inner.push(0x08, ...varintBytes(partial.rejectedSpans));
  if (partial.errorMessage) {
    const msg = new TextEncoder().encode(partial.errorMessage);
    inner.push(0x12, ...varintBytes(msg.length), ...msg);
  }
  return Uint8Array.from([0x0a, ...varintBytes(inner.length), ...inner]);
}

function varintBytes(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return out;
}
