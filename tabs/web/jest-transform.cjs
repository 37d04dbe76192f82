/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file jest loads as is */
/**
 * Jest transform for the web app and its component tests: TypeScript's own transpiler with the
 * browser settings (JSX, CommonJS for jest). A separate transformer because ts-jest shares one
 * compiler configuration per jest project, whichever tsconfig each transform entry names.
 */
const { createHash } = require('node:crypto');
const ts = require('typescript');

const options = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  jsx: ts.JsxEmit.ReactJSX,
  esModuleInterop: true,
  sourceMap: false,
  inlineSourceMap: true,
  inlineSources: true,
};

module.exports = {
  getCacheKey(source, filename) {
    return createHash('sha256').update(ts.version).update('\0').update(filename).update('\0').update(source).digest('hex');
  },
  process(source, filename) {
    const { outputText } = ts.transpileModule(source, { compilerOptions: options, fileName: filename });
    return { code: outputText };
  },
};
