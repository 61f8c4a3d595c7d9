/**
 * Whether the command's output is coloured. The command line wins
 * (`--color`, `--no-color`), then the environment (`NO_COLOR`, see
 * no-color.org; `FORCE_COLOR`, as chalk and Node read it), then whether the
 * output is a terminal. Decided once per output, for every reporter, the
 * batch summary and the findings alike.
 */

/** What decides the colours of one output. */
export interface ColorChoice {
  /** `--color` (true) or `--no-color` (false); undefined: neither was given. */
  readonly flag: boolean | undefined
  /** The environment (`NO_COLOR`, `FORCE_COLOR`). */
  readonly env: Readonly<Record<string, string | undefined>>
  /** Whether the output goes to a terminal. */
  readonly isTTY: boolean | undefined
}

/**
 * Colours on or off: the flag if given; else off when `NO_COLOR` is set
 * (non-empty); else `FORCE_COLOR` decides when set (`0` or `false`: off,
 * anything else: on); else on only for a terminal.
 *
 * @example useColor({flag: undefined, env: {FORCE_COLOR: '1'}, isTTY: false}) // → true
 */
export function useColor({flag, env, isTTY}: ColorChoice): boolean {
  if (flag !== undefined) return flag
  if (env['NO_COLOR']) return false
  const force = env['FORCE_COLOR']
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false'
  return isTTY === true
}
