import { describe, expect, it } from 'vitest';
import { normalizeArgv } from '../../../src/cli/argv.js';

describe('normalizeArgv (pflag spellings commander lacks)', () => {
  it.each([
    [['get', 'pods', '-n=dev'], ['get', 'pods', '-n', 'dev']],
    [['get', 'pods', '-ojson'], ['get', 'pods', '-ojson']],
    [['label', 'pod', 'x', 'a=b', '--overwrite=true'], ['label', 'pod', 'x', 'a=b', '--overwrite']],
    [['label', 'pod', 'x', 'a=b', '--overwrite=false'], ['label', 'pod', 'x', 'a=b']],
    [['delete', 'pod', 'x', '--wait=false'], ['delete', 'pod', 'x', '--no-wait']],
    [['describe', 'pod', 'x', '--show-events=false'], ['describe', 'pod', 'x', '--no-show-events']],
    [['get', 'pods', '--output=json'], ['get', 'pods', '--output=json']],
    [['run', 'x', '--image=busybox', '--', 'sh', '-c=1'], ['run', 'x', '--image=busybox', '--', 'sh', '-c=1']],
  ])('%j → %j', (input, expected) => {
    expect(normalizeArgv(input)).toEqual(expected);
  });
});
