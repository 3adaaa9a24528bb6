package wasmbin

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WAT returns m in the WebAssembly text format, with the source names of
// functions, parameters and locals, for reading (`multilingual wat`). It is
// a view of the same instructions Encode writes, in the flat (not folded)
// syntax, one instruction a line, indented by block depth.
// https://webassembly.github.io/spec/core/text/modules.html
func (m *Module) WAT() string {
	var b strings.Builder
	b.WriteString("(module\n")
	if m.MemoryExport != "" || m.MemoryPages > 0 {
		b.WriteString("  (memory")
		if m.MemoryExport != "" {
			fmt.Fprintf(&b, " (export %s)", watString(m.MemoryExport))
		}
		fmt.Fprintf(&b, " %d)\n", m.MemoryPages)
	}
	for _, d := range m.Types {
		fmt.Fprintf(&b, "  (type %s (func%s))\n", watID(d.Name), watSig(d.Type))
	}
	if m.Table != nil {
		fmt.Fprintf(&b, "  (table (export %s) %d funcref)\n", watString(m.Table.Export), m.Table.Size)
	}
	for _, g := range m.Globals {
		t := g.Type.String()
		if g.Mutable {
			t = "(mut " + t + ")"
		}
		export := ""
		if g.Export {
			export = " (export " + watString(g.Name) + ")"
		}
		fmt.Fprintf(&b, "  (global %s%s %s (%s.const %d))\n", watID(g.Name), export, t, g.Type, g.Init)
	}
	for _, f := range m.Funcs {
		m.watFunc(&b, f)
	}
	for _, d := range m.Data {
		fmt.Fprintf(&b, "  (data (i32.const %d) %s)\n", d.Offset, watString(string(d.Bytes)))
	}
	b.WriteString(")\n")
	return b.String()
}

// watFunc writes function f.
func (m *Module) watFunc(b *strings.Builder, f *Func) {
	fmt.Fprintf(b, "  (func %s", watID(f.Name))
	if f.Export {
		fmt.Fprintf(b, " (export %s)", watString(f.Name))
	}
	names := append(append([]string(nil), f.ParamNames...), f.LocalNames...)
	for j, p := range f.Type.Params {
		fmt.Fprintf(b, " (param %s %s)", watID(nameAt(names, j)), p)
	}
	for _, r := range f.Type.Results {
		fmt.Fprintf(b, " (result %s)", r)
	}
	b.WriteString("\n")
	for j, t := range f.Locals {
		fmt.Fprintf(b, "    (local %s %s)\n", watID(nameAt(names, len(f.Type.Params)+j)), t)
	}
	depth := 2
	for _, in := range f.Body {
		if in.Op == OpEnd || in.Op == OpElse {
			depth--
		}
		// Indentation stops growing at maxWATIndent levels: the text of
		// an elif ladder, a block per elif, would grow as its square.
		b.WriteString(strings.Repeat("  ", min(depth, maxWATIndent)))
		b.WriteString(in.Op.String())
		switch opcodes[in.Op].imm {
		case immIndex:
			switch in.Op {
			case OpLocalGet, OpLocalSet, OpLocalTee:
				fmt.Fprintf(b, " %s", watID(nameAt(names, int(in.Imm))))
			case OpGlobalGet, OpGlobalSet:
				if int(in.Imm) < len(m.Globals) {
					fmt.Fprintf(b, " %s", watID(m.Globals[in.Imm].Name))
				} else {
					fmt.Fprintf(b, " %d", in.Imm)
				}
			case OpCall:
				if int(in.Imm) < len(m.Funcs) && m.Funcs[in.Imm] != nil {
					fmt.Fprintf(b, " %s", watID(m.Funcs[in.Imm].Name))
				} else {
					fmt.Fprintf(b, " %d", in.Imm)
				}
			default:
				fmt.Fprintf(b, " %d", in.Imm)
			}
		case immBlock:
			if in.Block != BlockEmpty {
				fmt.Fprintf(b, " (result %s)", ValType(in.Block))
			}
		case immI32, immI64:
			fmt.Fprintf(b, " %d", in.Imm)
		case immF64:
			fmt.Fprintf(b, " %s", watFloat(in.F))
		case immMem, immAtomicMem:
			if in.Imm != 0 {
				fmt.Fprintf(b, " offset=%d", in.Imm)
			}
		case immIndirect:
			if int(in.Imm) < len(m.Types) {
				fmt.Fprintf(b, " (type %s)", watID(m.Types[in.Imm].Name))
			} else {
				fmt.Fprintf(b, " (type %d)", in.Imm)
			}
		}
		b.WriteString("\n")
		if in.Op == OpBlock || in.Op == OpLoop || in.Op == OpIf || in.Op == OpElse {
			depth++
		}
	}
	b.WriteString("  )\n")
}

// maxWATIndent is the deepest indentation of the WAT text, in levels.
const maxWATIndent = 40

// watSig spells a signature's parameters and results, each with a
// leading space: " (param f64 f64) (result f64)".
func watSig(t FuncType) string {
	var b strings.Builder
	if len(t.Params) > 0 {
		b.WriteString(" (param")
		for _, p := range t.Params {
			b.WriteString(" " + p.String())
		}
		b.WriteString(")")
	}
	if len(t.Results) > 0 {
		b.WriteString(" (result")
		for _, r := range t.Results {
			b.WriteString(" " + r.String())
		}
		b.WriteString(")")
	}
	return b.String()
}

// nameAt returns the name of local i, or l<i> when it has none.
func nameAt(names []string, i int) string {
	if i >= 0 && i < len(names) && names[i] != "" {
		return names[i]
	}
	return "l" + strconv.Itoa(i)
}

// watID spells a name as a text-format identifier: $name when every
// character is an idchar, else the quoted form $"name" (UTF-8 names).
func watID(name string) string {
	for _, r := range name {
		if !isIDChar(r) {
			return "$" + watString(name)
		}
	}
	if name == "" {
		return `$""`
	}
	return "$" + name
}

// isIDChar reports whether r may appear in a plain text-format identifier.
// https://webassembly.github.io/spec/core/text/values.html#text-id
func isIDChar(r rune) bool {
	switch {
	case r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return true
	}
	return strings.ContainsRune("!#$%&'*+-./:<=>?@\\^_`|~", r)
}

// watString quotes s as a text-format string: valid UTF-8 kept as is,
// quotes, backslashes, control bytes and the bytes of invalid UTF-8
// escaped as \hh, so that the text is always UTF-8.
// https://webassembly.github.io/spec/core/text/values.html#strings
func watString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			// valid UTF-8 as it is; the bytes of anything else (constant
			// tables, surrogates) escaped, so that the text is UTF-8
			if r, n := utf8.DecodeRuneInString(s[i:]); r != utf8.RuneError || n > 1 {
				b.WriteString(s[i : i+n])
				i += n
				continue
			}
		}
		if c < 0x20 || c == '"' || c == '\\' || c >= 0x7f {
			fmt.Fprintf(&b, "\\%02x", c)
		} else {
			b.WriteByte(c)
		}
		i++
	}
	b.WriteByte('"')
	return b.String()
}

// watFloat spells an f64 so that it reads back exactly: shortest decimal,
// or inf, -inf, nan.
func watFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".en") {
		s += ".0"
	}
	return s
}
