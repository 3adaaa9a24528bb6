package wasmbin

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"testing"
)

// sampleInstr returns op with an immediate of the kind it takes.
func sampleInstr(op Opcode, i int) Instr {
	in := Instr{Op: op}
	switch opcodes[op].imm {
	case immIndex, immIndirect:
		in.Imm = int64(i % 300)
	case immBlock:
		in.Block = []BlockType{BlockEmpty, BlockType(I32), BlockType(I64), BlockType(F64)}[i%4]
	case immI32:
		in.Imm = []int64{0, -1, 63, 64, math.MinInt32, math.MaxInt32}[i%6]
	case immI64:
		in.Imm = []int64{0, -65, 1 << 40, math.MinInt64, math.MaxInt64}[i%5]
	case immF64:
		in.F = []float64{0, -2.5, math.Inf(1), math.SmallestNonzeroFloat64}[i%4]
	case immMem, immAtomicMem:
		in.Imm = []int64{0, 8, 1 << 20}[i%3]
	}
	return in
}

// everyOpcode returns a body holding every opcode the encoder knows, with
// immediates of several sizes.
func everyOpcode() []Instr {
	var body []Instr
	for i := 0; i < 3; i++ {
		for op := range opcodes {
			if opcodes[op].name != "" {
				body = append(body, sampleInstr(Opcode(op), i+op))
			}
		}
	}
	return body
}

// roundTripModule uses every part of the model.
func roundTripModule() *Module {
	m := hostModule()
	m.Custom = append(m.Custom, CustomSection{Name: "multilingual.abi", Data: AppendUleb128(nil, 300)})
	m.MemoryExport = "memory"
	m.Globals = []*Global{
		{Name: "a", Type: I32, Mutable: true, Init: -7},
		{Name: "b", Type: I64, Init: 1 << 50, Export: true},
	}
	m.Funcs = append(m.Funcs,
		&Func{Name: "every", Export: true, Type: FuncType{Params: []ValType{I64}},
			ParamNames: []string{"p"}, Locals: []ValType{I32, I32, F64, I64, I64, I32},
			LocalNames: []string{"a", "b", "c", "d", "e", "f"}, Body: everyOpcode()},
		&Func{Name: "carré", Export: true, Type: FuncType{Results: []ValType{F64, I32}}},
		&Func{Name: "again", Type: FuncType{Params: []ValType{I64}}},
	)
	return m
}

// decodeBody decodes a code entry the encoder wrote: locals, then
// instructions of the opcode table up to the end of the body.
func decodeBody(body []byte) (locals []ValType, instrs []Instr, err error) {
	r := NewReader(body)
	groups, err := r.U32()
	if err != nil {
		return nil, nil, err
	}
	for range groups {
		n, err := r.U32()
		if err != nil {
			return nil, nil, err
		}
		t, err := r.ValType()
		if err != nil {
			return nil, nil, err
		}
		for range n {
			locals = append(locals, t)
		}
	}
	for !r.AtEnd() {
		c, _ := r.Byte()
		op := Opcode(c)
		info := opcodes[op]
		if info.name == "" {
			return nil, nil, fmt.Errorf("unknown opcode %#x at %d", c, r.Pos()-1)
		}
		in := Instr{Op: op}
		var u uint32
		switch info.imm {
		case immIndex:
			u, err = r.U32()
			in.Imm = int64(u)
		case immBlock:
			var b byte
			b, err = r.Byte()
			in.Block = BlockType(b)
		case immI32:
			in.Imm, err = r.Sleb(5)
		case immI64:
			in.Imm, err = r.Sleb(10)
		case immF64:
			var b []byte
			if b, err = r.Bytes(8); err == nil {
				in.F = math.Float64frombits(binary.LittleEndian.Uint64(b))
			}
		case immAtomicMem:
			if u, err = r.U32(); err == nil && u != 0x10 {
				err = fmt.Errorf("atomic sub-opcode %#x", u)
			}
			if err != nil {
				break
			}
			fallthrough
		case immMem:
			var align uint32
			var off uint64
			align, off, err = r.Memarg()
			if err == nil && align != uint32(info.align) {
				err = fmt.Errorf("%s: alignment %d, want %d", info.name, align, info.align)
			}
			in.Imm = int64(off)
		case immZero:
			var b byte
			if b, err = r.Byte(); err == nil && b != 0 {
				err = fmt.Errorf("%s: reserved byte %#x", info.name, b)
			}
		case immMemCopy:
			var b []byte
			if u, err = r.U32(); err == nil && u == 10 {
				b, err = r.Bytes(2)
			}
			if err == nil && (u != 10 || b[0] != 0 || b[1] != 0) {
				err = fmt.Errorf("memory.copy: % x", body[r.Pos()-3:r.Pos()])
			}
		case immIndirect:
			if u, err = r.U32(); err == nil {
				var table byte
				if table, err = r.Byte(); err == nil && table != 0 {
					err = fmt.Errorf("call_indirect table %d", table)
				}
			}
			in.Imm = int64(u)
		}
		if err != nil {
			return nil, nil, err
		}
		instrs = append(instrs, in)
	}
	return locals, instrs, nil
}

// decodeNames reads the function and local names of a "name" section.
func decodeNames(data []byte) (funcs []string, locals [][]string, err error) {
	r := NewReader(data)
	for !r.AtEnd() {
		id, err := r.Byte()
		if err != nil {
			return nil, nil, err
		}
		size, err := r.U32()
		if err != nil {
			return nil, nil, err
		}
		sub, err := r.Bytes(int(size))
		if err != nil {
			return nil, nil, err
		}
		s := NewReader(sub)
		n, err := s.U32()
		for i := uint32(0); err == nil && i < n; i++ {
			var idx uint32
			if idx, err = s.U32(); err != nil || idx != i {
				return nil, nil, fmt.Errorf("name subsection %d: entry %d has index %d (%v)", id, i, idx, err)
			}
			switch id {
			case 1:
				var name string
				name, err = s.Name()
				funcs = append(funcs, name)
			case 2:
				var names []string
				var k uint32
				k, err = s.U32()
				for j := uint32(0); err == nil && j < k; j++ {
					var name string
					if _, err = s.U32(); err == nil {
						name, err = s.Name()
						names = append(names, name)
					}
				}
				locals = append(locals, names)
			}
		}
		if err != nil {
			return nil, nil, err
		}
	}
	return funcs, locals, nil
}

// TestRoundTrip encodes a module that uses every part of the model and
// every opcode, decodes it, and compares what comes back with the model.
func TestRoundTrip(t *testing.T) {
	m := roundTripModule()
	wasm := m.Encode()
	s, err := Decode(wasm)
	if err != nil {
		t.Fatal(err)
	}
	if s.InterfaceErr != nil {
		t.Errorf("InterfaceErr = %v", s.InterfaceErr)
	}
	types, typeIdx := m.types()
	var wantSigs []FuncSig
	for _, ft := range types {
		wantSigs = append(wantSigs, FuncSig{Params: append([]ValType{}, ft.Params...), Results: append([]ValType{}, ft.Results...)})
	}
	if !reflect.DeepEqual(s.Types, wantSigs) || !reflect.DeepEqual(s.FuncTypes, typeIdx) {
		t.Errorf("types %v %v, want %v %v", s.Types, s.FuncTypes, wantSigs, typeIdx)
	}
	if s.FuncImports != 0 || s.Funcs != len(m.Funcs) || len(s.Bodies) != len(m.Funcs) {
		t.Errorf("imports %d, functions %d, bodies %d", s.FuncImports, s.Funcs, len(s.Bodies))
	}
	var wantExports []Export
	for i, f := range m.Funcs {
		if f.Export {
			wantExports = append(wantExports, Export{Name: f.Name, Index: uint32(i)})
		}
	}
	if !reflect.DeepEqual(s.FuncExports, wantExports) {
		t.Errorf("function exports %v, want %v", s.FuncExports, wantExports)
	}
	if !reflect.DeepEqual(s.MemExports, []Export{{Name: "memory", Index: 0}}) || !reflect.DeepEqual(s.Memories, []uint64{1}) {
		t.Errorf("memories %v, exported %v", s.Memories, s.MemExports)
	}
	if want := len(wantExports) + 3; s.ExportsTotal != want { // memory, table, global b
		t.Errorf("%d exports, want %d", s.ExportsTotal, want)
	}
	for i, f := range m.Funcs {
		locals, body, err := decodeBody(s.Bodies[i])
		if err != nil {
			t.Errorf("%s: %v", f.Name, err)
			continue
		}
		want := append(append([]Instr{}, f.Body...), Instr{Op: OpEnd})
		if !reflect.DeepEqual(locals, f.Locals) || !reflect.DeepEqual(body, want) {
			t.Errorf("%s: decoded locals %v and %d instructions, want %v and %d", f.Name, locals, len(body), f.Locals, len(want))
			for j := range min(len(body), len(want)) {
				if body[j] != want[j] {
					t.Errorf("%s: instruction %d = %+v, want %+v", f.Name, j, body[j], want[j])
					break
				}
			}
		}
	}
	if len(s.Custom) != len(m.Custom)+1 {
		t.Fatalf("%d custom sections, want %d and name", len(s.Custom), len(m.Custom))
	}
	for i, c := range m.Custom {
		if s.Custom[i].Name != c.Name || string(s.Custom[i].Data) != string(c.Data) {
			t.Errorf("custom section %d = %q % x, want %q % x", i, s.Custom[i].Name, s.Custom[i].Data, c.Name, c.Data)
		}
		if data, ok := LeadingCustom(wasm, c.Name); !ok || string(data) != string(c.Data) {
			t.Errorf("LeadingCustom(%q) = % x, %v", c.Name, data, ok)
		}
	}
	if _, ok := LeadingCustom(wasm, "name"); ok {
		t.Error(`LeadingCustom found "name", which comes after the other sections`)
	}
	names := s.Custom[len(m.Custom)]
	funcs, locals, err := decodeNames(names.Data)
	if names.Name != "name" || err != nil {
		t.Fatalf("name section %q: %v", names.Name, err)
	}
	for i, f := range m.Funcs {
		want := append(append([]string{}, f.ParamNames...), f.LocalNames...)
		if funcs[i] != f.Name || len(locals[i]) != len(want) || (len(want) > 0 && !reflect.DeepEqual(locals[i], want)) {
			t.Errorf("names of function %d: %q %q, want %q %q", i, funcs[i], locals[i], f.Name, want)
		}
	}
}

// TestDecodeErrors checks that malformed modules give errors wrapping
// ErrDecode.
func TestDecodeErrors(t *testing.T) {
	for _, bad := range [][]byte{
		nil,
		[]byte("\x00asm\x02\x00\x00\x00"),
		[]byte("\x00asm\x01\x00\x00\x00\x0a\x05\x01"),             // section longer than the module
		[]byte("\x00asm\x01\x00\x00\x00\x03\x01\x00\x03\x01\x00"), // function section twice
		[]byte("\x00asm\x01\x00\x00\x00\x03\x02\x00\x00"),         // section longer than its content
		[]byte("\x00asm\x01\x00\x00\x00\x02\x05\x01\x00\x00\x09\x00"),
		[]byte("\x00asm\x01\x00\x00\x00\x07\x05\x01\x01\xff\x00\x00"), // name not UTF-8
	} {
		if _, err := Decode(bad); !errors.Is(err, ErrDecode) {
			t.Errorf("Decode(% x) = %v, want ErrDecode", bad, err)
		}
	}
	// Custom sections may repeat, and one with an unreadable name is skipped.
	ok := []byte("\x00asm\x01\x00\x00\x00\x00\x02\x01a\x00\x02\x01a\x00\x02\x05\xff")
	s, err := Decode(ok)
	if err != nil || len(s.Custom) != 2 {
		t.Errorf("Decode(% x) = %+v, %v; want two custom sections", ok, s, err)
	}
	for _, in := range [][]byte{nil, []byte("\x00asm\x01\x00\x00\x00\x00\x05"), []byte("\x00asm\x01\x00\x00\x00\x01\x01\x00\x00\x02\x01a")} {
		if _, found := LeadingCustom(in, "a"); found {
			t.Errorf("LeadingCustom(% x) found a section", in)
		}
	}
}
