// Package langtest holds the whole-language tests: programs written once in
// English (which is Python) under tests/language, rendered into each of the
// 17 languages by core/parser.Print from the language tables, compiled by
// the front end and run as the generated Python. CPython running the
// English file as it is gives the expected output of every rendering, so a
// mistake of the lexer, the parser, the printer, the checker or the
// generator in any language shows as a different output.
package langtest
