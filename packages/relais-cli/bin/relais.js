#!/usr/bin/env node
// `relais` as installed in node_modules/.bin: the repository's own entry point.
import '../../../bin/relais.js';
