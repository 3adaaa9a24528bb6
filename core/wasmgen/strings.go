package wasmgen

import (
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/rt"
	"github.com/multilingualprogramming/multilingual/internal/wasmbin"
)

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

// staticChar turns an ASCII code point (i32) on the stack into the address
// of its static one-character string (abi.go: the first static strings).
func (fg *fgen) staticChar() {
	fg.I32(abi.StaticCharSize)
	fg.Emit(wasmbin.OpI32Mul)
	fg.I32(abi.HeapBase)
	fg.Emit(wasmbin.OpI32Add)
}

// charLen leaves the length in bytes of the UTF-8 sequence whose lead
// byte is on the stack.
func (fg *fgen) charLen() { rt.CharLen(fg.Builder) }
