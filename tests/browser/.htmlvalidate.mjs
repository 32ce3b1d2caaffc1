// html-validate configuration for the generated site (used by run.mjs; the
// html-validate CLI also picks it up when run from tests/browser/).
// Start from the full recommended preset and switch off only rules that are
// about how the source text looks, which generated HTML cannot sensibly
// follow without making the templates harder to read. Every rule about
// validity, semantics or accessibility stays on.
export default {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    // Purely stylistic: trailing spaces come from template indentation around
    // {% if %} / {% for %} blocks; browsers ignore them and stripping them
    // would mean whitespace-control markers on every template tag.
    'no-trailing-whitespace': 'off',
  },
};
