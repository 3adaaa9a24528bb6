package wasmbin

import (
	"bytes"
	"testing"
)

// hostModule declares a type, a table, a custom section and a data
// segment: the parts of the model that TestEncodeTiny leaves out.
func hostModule() *Module {
	sig := FuncType{Params: []ValType{F64, F64}, Results: []ValType{F64}}
	return &Module{
		Custom:      []CustomSection{{Name: "v", Data: []byte{0x06}}},
		Types:       []TypeDecl{{Name: "h", Type: sig}},
		MemoryPages: 1,
		Table:       &Table{Export: "t", Size: 1},
		Data:        []DataSegment{{Offset: 16, Bytes: []byte("hi")}},
		Funcs: []*Func{{
			Name: "g", Type: sig, ParamNames: []string{"x", "y"},
			Body: []Instr{{Op: OpLocalGet, Imm: 0}, {Op: OpLocalGet, Imm: 1},
				{Op: OpI32Const, Imm: 0}, {Op: OpCallIndirect, Imm: 0}},
		}},
	}
}

// TestEncodeHost checks hostModule byte for byte: the custom section
// first, the function sharing the declared type 0.
func TestEncodeHost(t *testing.T) {
	want := []byte{
		0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
		0x00, 0x03, 0x01, 'v', 0x06, // custom "v": 06
		0x01, 0x07, 0x01, 0x60, 0x02, 0x7c, 0x7c, 0x01, 0x7c, // type: (f64 f64) -> f64
		0x03, 0x02, 0x01, 0x00, // function: type 0
		0x04, 0x04, 0x01, 0x70, 0x00, 0x01, // table: funcref, min 1
		0x05, 0x03, 0x01, 0x00, 0x01, // memory: min 1
		0x07, 0x05, 0x01, 0x01, 't', 0x01, 0x00, // export "t": table 0
		0x0a, 0x0d, 0x01, 0x0b, 0x00, // code: 1 body of 11 bytes, no locals
		0x20, 0x00, 0x20, 0x01, 0x41, 0x00, 0x11, 0x00, 0x00, 0x0b,
		0x0b, 0x08, 0x01, 0x00, 0x41, 0x10, 0x0b, 0x02, 'h', 'i', // data at 16: "hi"
		0x00, 0x16, 0x04, 'n', 'a', 'm', 'e',
		0x01, 0x04, 0x01, 0x00, 0x01, 'g',
		0x02, 0x09, 0x01, 0x00, 0x02, 0x00, 0x01, 'x', 0x01, 0x01, 'y',
	}
	if got := hostModule().Encode(); !bytes.Equal(got, want) {
		t.Errorf("Encode:\n got % x\nwant % x", got, want)
	}
}

// TestWATHost checks the text view of hostModule.
func TestWATHost(t *testing.T) {
	want := `(module
  (memory 1)
  (type $h (func (param f64 f64) (result f64)))
  (table (export "t") 1 funcref)
  (func $g (param $x f64) (param $y f64) (result f64)
    local.get $x
    local.get $y
    i32.const 0
    call_indirect (type $h)
  )
  (data (i32.const 16) "hi")
)
`
	if got := hostModule().WAT(); got != want {
		t.Errorf("WAT:\n%s\nwant:\n%s", got, want)
	}
}
