// Lint: type-aware TypeScript rules, plus the rules that keep page text and user data out of
// HTML parsers and code evaluators (enforced here, not by review).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const htmlSinks = ['innerHTML', 'outerHTML'];

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', '.generated/', 'node_modules/', 'screenshots/', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'document', property: 'write', message: 'No document.write.' },
        { object: 'document', property: 'writeln', message: 'No document.writeln.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM with createElement/textContent: no HTML parsing of text.' },
        { property: 'createContextualFragment', message: 'No HTML parsing of text.' },
        { property: 'setHTMLUnsafe', message: 'No HTML parsing of text.' },
      ],
      'no-restricted-syntax': [
        'error',
        ...htmlSinks.map((property) => ({
          // Reading markup is harmless; writing it parses text as HTML.
          selector: `AssignmentExpression > MemberExpression.left[property.name='${property}']`,
          message: `No ${property} assignment.`,
        })),
        { selector: "CallExpression[callee.name='setTimeout'][arguments.0.type='Literal']", message: 'No string timers (eval).' },
        {
          selector: "CallExpression[callee.name='setInterval'][arguments.0.type='Literal']",
          message: 'No string timers (eval).',
        },
        { selector: "NewExpression[callee.name='Function']", message: 'No Function constructor (eval).' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
