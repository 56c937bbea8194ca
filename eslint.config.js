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
    // Mongoose's tenant hooks never see the driver's collections: production code reaches one only through
    // data/db/tenant-collection.ts, whose every call names one tenant. Tests may inspect collections directly.
    files: ['bot/**/*.ts', 'handlers/**/*.ts', 'data/**/*.ts', 'jobs/**/*.ts', 'cards/**/*.ts'],
    ignores: ['data/db/tenant-collection.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='collection']",
          message:
            'Reach a collection through tenantCollection (data/db/tenant-collection.ts), never directly.',
        },
      ],
    },
  },
  {
    files: ['bot/cli.ts', 'bot/cli/**', 'scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
