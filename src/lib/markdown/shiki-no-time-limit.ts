/**
 * A Shiki transformer that lifts Shiki's per-line tokenizing time limit (500 ms by default).
 * On a busy machine, or for the first block of a language while its grammar compiles, Shiki
 * stops colouring a line when the limit hits and leaves the rest as one token: the same commit
 * then builds to different HTML (and search index) from one run to the next. Content files are
 * capped at 1 MB, so a line cannot tokenize for long. Astro exposes no option for it, but
 * transformers see the options object before tokenizing.
 */
export function shikiNoTimeLimit(): {
  name: string;
  preprocess(code: string, options: { tokenizeTimeLimit?: number }): undefined;
} {
  return {
    name: 'icp-shiki-no-time-limit',
    preprocess(_code, options) {
      options.tokenizeTimeLimit = 0;
      return undefined;
    },
  };
}
