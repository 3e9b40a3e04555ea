// Demo output: one prefix, colours only on a terminal.
const tty = process.stdout.isTTY;
const paint = (code: string, s: string) => (tty ? `\x1b[${code}m${s}\x1b[0m` : s);

export const c = {
  bold: (s: string) => paint("1", s),
  dim: (s: string) => paint("2", s),
  green: (s: string) => paint("32", s),
  yellow: (s: string) => paint("33", s),
  cyan: (s: string) => paint("36", s),
  red: (s: string) => paint("31", s),
};

export const log = {
  info: (msg: string) => console.log(`${c.cyan("demo:")} ${msg}`),
  step: (msg: string) => console.log(`${c.cyan("demo:")} ${c.bold(msg)}`),
  warn: (msg: string) => console.log(`${c.cyan("demo:")} ${c.yellow(`warning: ${msg}`)}`),
  error: (msg: string) => console.error(`${c.cyan("demo:")} ${c.red(msg)}`),
};
