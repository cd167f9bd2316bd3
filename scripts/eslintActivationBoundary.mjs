// The boundary between the two composition stages (issue 19 point 1), as a lint rule used by
// eslint.config.mjs: a module evaluated at activation may import another host module as a value
// only if that module is activation code too. Feature modules come in as `import type` (or inline
// `type` specifiers, which the build drops) and load through the shell's import() on first use.
// The activation-cost test keeps the size of what activation evaluates (≤ 20 KB); this keeps
// feature code from getting in at all, at lint time, with the line that does it.
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));

/** The activation stage: what dist/extension.js evaluates before anything is used (src/, repository-relative). */
export const ACTIVATION_MODULES = [
  'src/extension.ts',
  'src/host/app/shell.ts',
  'src/host/app/services.ts',
  'src/host/app/statusBar.ts',
  'src/host/common/lifecycle.ts',
  'src/host/common/notify.ts',
  'src/host/credentials/credentialIndex.ts',
  'src/host/common/logging.ts',
  'src/host/common/settingsService.ts',
];

/** Repository-relative path of a module, with `/` separators. */
function relative(file) {
  return path.relative(root, file).split(path.sep).join('/');
}

/** The .ts source a relative import names (`./features.js`, `./features` → src/host/app/features.ts). */
function resolveSource(fromFile, source) {
  const target = relative(path.resolve(path.dirname(fromFile), source));
  return /\.ts$/.test(target) ? target : `${target.replace(/\.js$/, '')}.ts`;
}

/** @type {import('eslint').Rule.RuleModule} */
export const activationBoundary = {
  meta: {
    type: 'problem',
    docs: { description: 'Activation modules import feature modules only as types (they load with the features chunk).' },
    schema: [],
    messages: {
      featureValue: "Activation code ({{file}}) imports the feature module '{{source}}' as a value: import it with `import type`, or load it through the shell's import() (src/host/app/shell.ts). Only {{allowed}} may be value imports here.",
    },
  },
  create(context) {
    const file = relative(context.filename);
    if (!ACTIVATION_MODULES.includes(file)) {
      return {};
    }
    const check = (node, source, typeOnly) => {
      if (typeOnly || typeof source !== 'string' || !source.startsWith('.')) {
        return;
      }
      const target = resolveSource(context.filename, source);
      if (target.startsWith('src/host/') && !ACTIVATION_MODULES.includes(target)) {
        context.report({ node, messageId: 'featureValue', data: { file, source, allowed: 'activation modules (scripts/eslintActivationBoundary.mjs) and src/core' } });
      }
    };
    const onlyTypes = (specifiers) => specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
    return {
      ImportDeclaration(node) {
        check(node, node.source.value, node.importKind === 'type' || onlyTypes(node.specifiers));
      },
      TSImportEqualsDeclaration(node) {
        if (node.moduleReference.type === 'TSExternalModuleReference') {
          check(node, node.moduleReference.expression.value, node.importKind === 'type');
        }
      },
      ExportNamedDeclaration(node) {
        if (node.source) {
          check(node, node.source.value, node.exportKind === 'type' || onlyTypes(node.specifiers));
        }
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value, node.exportKind === 'type');
      },
    };
  },
};
