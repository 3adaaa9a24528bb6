package wasmgen

import "github.com/multilingualprogramming/multilingual/core/wasmgen/rt"

// Strings are immutable objects {nbytes, count, UTF-8 bytes} (abi.go); the
// runtime (core/wasmgen/rt) lays out their static ones and builds the
// helpers that make, compare, index and convert them. Lowering reads the
// layout through these.

// literal returns the address of the static string s.
func (g *gen) literal(s string) uint32 { return g.rt.Literal(s) }

// strLen leaves the byte length of the string whose address is on the stack.
func (fg *fgen) strLen() { rt.StrLen(fg.Builder) }

// strCount leaves the code point count of the string on the stack,
// without the owned mark of strappend.go.
func (fg *fgen) strCount() { rt.StrCount(fg.Builder) }

// charLen leaves the length in bytes of the UTF-8 sequence whose lead
// byte is on the stack.
func (fg *fgen) charLen() { rt.CharLen(fg.Builder) }
