import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.tools/', '.data/', '.test-services/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    // Handlers are the channel-neutral domain: no chat SDKs, web framework or database driver.
    files: ['handlers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@slack/*',
            'botbuilder*',
            '@microsoft/*',
            'express',
            'mongoose',
            'mongodb',
            '**/bot/**',
            '**/cards/**',
            '**/data/**',
          ],
        },
      ],
    },
  },
  {
    files: ['cards/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@slack/bolt',
            'botbuilder*',
            'express',
            'mongoose',
            'mongodb',
            '**/bot/**',
            '**/data/**',
          ],
        },
      ],
    },
  },
  {
    files: ['bot/cli.ts', 'bot/cli/**', 'scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
