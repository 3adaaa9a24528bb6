//go:build cgo

package difftest

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/bytecodealliance/wasmtime-go/v39"
	"github.com/multilingualprogramming/multilingual/core/abi"
)

// outcome is one call's result, encoded the same way for every runner.
type outcome struct {
	Val string `json:"val,omitempty"` // "i:42", "f:<bits>" or "f:nan", "b:1", "s:<utf-8 hex>:<len>"
	Exc string `json:"exc,omitempty"` // Python exception name, or the trap's
}

// The outcomes of a WebAssembly refusal: the module asks for the call to be
// re-run in Python (the AUTO backend does it) because a value left what
// compiled code represents. verdict_test.go says which CPython events
// justify each.
const (
	refuseOverflow    = "refuse:overflow"    // ErrOverflow, or i64.div_s of MIN by -1
	refuseUnsupported = "refuse:unsupported" // ErrUnsupported
	refuseMemory      = "refuse:memory"      // ErrMemory
)

// runWasm calls the function and encodes its outcome.
func (c *compiled) runWasm(args []any) outcome {
	if err := c.store.SetFuel(wasmFuel); err != nil {
		return outcome{Exc: "wasm error: " + err.Error()}
	}
	if reset := c.inst.GetFunc(c.store, abi.ResetExport); reset != nil {
		if _, err := reset.Call(c.store); err != nil {
			return outcome{Exc: "wasm error: " + err.Error()}
		}
	}
	f := c.inst.GetFunc(c.store, c.name)
	v, err := f.Call(c.store, args...)
	if err == nil {
		if c.prog.Result == 's' {
			addr, ok := v.(int32)
			if !ok {
				return outcome{Exc: fmt.Sprintf("wasm value %T", v)}
			}
			return c.readStr(uint32(addr))
		}
		switch v := v.(type) {
		case int64:
			return outcome{Val: "i:" + strconv.FormatInt(v, 10)}
		case float64:
			return outcome{Val: floatVal(v)}
		case int32:
			return outcome{Val: "b:" + strconv.Itoa(int(v))}
		}
		return outcome{Exc: fmt.Sprintf("wasm value %T", v)}
	}
	var trap *wasmtime.Trap
	if !errors.As(err, &trap) || trap.Code() == nil {
		return outcome{Exc: "wasm error: " + err.Error()}
	}
	switch *trap.Code() {
	case wasmtime.IntegerDivisionByZero:
		return outcome{Exc: "ZeroDivisionError"}
	case wasmtime.IntegerOverflow:
		return outcome{Exc: refuseOverflow}
	case wasmtime.OutOfFuel:
		return outcome{Exc: "wasm out of fuel"}
	case wasmtime.UnreachableCodeReached:
		code, _ := c.inst.GetFunc(c.store, abi.ErrorExport).Call(c.store)
		switch abi.ErrorCode(code.(int32)) {
		case abi.ErrZeroDivision:
			return outcome{Exc: "ZeroDivisionError"}
		case abi.ErrIndex:
			return outcome{Exc: "IndexError"}
		case abi.ErrValue:
			return outcome{Exc: "ValueError"}
		case abi.ErrAssertion:
			return outcome{Exc: "AssertionError"}
		case abi.ErrType:
			return outcome{Exc: "TypeError"}
		case abi.ErrOverflow:
			return outcome{Exc: refuseOverflow}
		case abi.ErrUnsupported:
			return outcome{Exc: refuseUnsupported}
		case abi.ErrMemory:
			return outcome{Exc: refuseMemory}
		}
	}
	return outcome{Exc: "wasm trap: " + err.Error()}
}

// readStr encodes the str object at addr (abi.go: nbytes, count, UTF-8
// bytes) as "s:<hex of the bytes>:<count>"; an object outside the memory
// is a failure.
func (c *compiled) readStr(addr uint32) outcome {
	mem := c.inst.GetExport(c.store, abi.MemoryExport).Memory()
	data := mem.UnsafeData(c.store)
	end := uint64(addr) + abi.StrHeaderSize
	if addr%8 != 0 || end > uint64(len(data)) {
		return outcome{Exc: fmt.Sprintf("wasm str at %d: out of memory or misaligned", addr)}
	}
	nbytes := binary.LittleEndian.Uint32(data[addr+abi.StrLenOffset:])
	count := binary.LittleEndian.Uint32(data[addr+abi.StrCountOffset:])
	if end+uint64(nbytes) > uint64(len(data)) {
		return outcome{Exc: fmt.Sprintf("wasm str at %d: %d bytes beyond the memory", addr, nbytes)}
	}
	text := data[end : end+uint64(nbytes)]
	return outcome{Val: "s:" + hex.EncodeToString(text) + ":" + strconv.FormatUint(uint64(count), 10)}
}

func floatVal(f float64) string {
	if math.IsNaN(f) {
		return "f:nan"
	}
	return "f:" + strconv.FormatUint(math.Float64bits(f), 10)
}
