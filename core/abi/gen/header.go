package main

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/multilingualprogramming/multilingual/core/abi"
)

// A define is one constant of the header: its C name, the name of the
// Go constant of package abi it comes from, its value and a comment.
type define struct {
	c, goName string
	value     any // int or string
	doc       string
}

// defines are the #define lines, in the header's order.
var defines = []define{
	{"ML_ABI_VERSION", "Version", abi.Version, "the ABI a module must record"},
	{"ML_ABI_VERSION_SECTION", "VersionSection", abi.VersionSection, "custom section holding the version (ULEB128)"},
	{"ML_MEMORY_EXPORT", "MemoryExport", abi.MemoryExport, "the module's linear memory"},
	{"ML_ERROR_EXPORT", "ErrorExport", abi.ErrorExport, "() -> i32: the error code recorded before a trap"},
	{"ML_MAIN_EXPORT", "MainExport", abi.MainExport, "the program's top-level statements"},
	{"ML_HOST_EXPORT", "HostExport", abi.HostExport, "the table of host functions"},
	{"ML_INTERRUPT_EXPORT", "InterruptExport", abi.InterruptExport, "i32 global: the address of the interrupt word"},
	{"ML_FLOAT_SUM_EXPORT", "FloatSumExport", abi.FloatSumExport, "mutable i32 global: how CPython sums floats"},
	{"ML_FLOAT_SUM_UNSET", "FloatSumUnset", abi.FloatSumUnset, "float sums trap (ErrUnsupported)"},
	{"ML_FLOAT_SUM_PLAIN", "FloatSumPlain", abi.FloatSumPlain, "float sums add in turn (CPython 3.10, 3.11)"},
	{"ML_FLOAT_SUM_COMPENSATED", "FloatSumCompensated", abi.FloatSumCompensated, "float sums compensated (CPython 3.12+)"},
	{"ML_ALLOC_EXPORT", "AllocExport", abi.AllocExport, "(nbytes i32) -> i32: the arena allocator"},
	{"ML_RESET_EXPORT", "ResetExport", abi.ResetExport, "(): empties the arena"},
	{"ML_INTERRUPT_ADDR", "InterruptAddr", abi.InterruptAddr, "address of the interrupt word"},
	{"ML_HOST_SLOTS", "HostSlots", abi.HostSlots, "slots of the host table"},
	{"ML_HOST_POW_SLOT", "HostPowSlot", abi.HostPowSlot, "the slot of pow(x, y)"},
	{"ML_HEAP_BASE", "HeapBase", abi.HeapBase, "first address the allocator hands out"},
	{"ML_LIST_HEADER", "ListHeaderSize", abi.ListHeaderSize, "bytes of a list header"},
	{"ML_LIST_LEN_OFFSET", "ListLenOffset", abi.ListLenOffset, "offset of len in a list header"},
	{"ML_LIST_CAP_OFFSET", "ListCapOffset", abi.ListCapOffset, "offset of cap in a list header"},
	{"ML_LIST_DATA_OFFSET", "ListDataOffset", abi.ListDataOffset, "offset of data in a list header"},
	{"ML_LIST_SLOT", "ListSlotSize", abi.ListSlotSize, "bytes of an element slot, except in a list[bool]"},
	{"ML_BOOL_SLOT", "BoolSlotSize", abi.BoolSlotSize, "bytes of an element slot of a list[bool]"},
	{"ML_STR_LEN_OFFSET", "StrLenOffset", abi.StrLenOffset, "offset of nbytes in a string"},
	{"ML_STR_COUNT_OFFSET", "StrCountOffset", abi.StrCountOffset, "offset of the code point count"},
	{"ML_STR_HEADER", "StrHeaderSize", abi.StrHeaderSize, "offset of a string's bytes"},
	{"ML_STATIC_CHAR_SIZE", "StaticCharSize", abi.StaticCharSize, "bytes between the static one-character strings"},
	{"ML_TRAP_KINDS", "TrapKinds", abi.TrapKinds, "trap kinds: ML_OK..ML_TRAP_INTERRUPT"},
}

// enumItem is one enumerator of the header.
type enumItem struct {
	c, goName string
	value     int64
}

// errorCodes, valKinds and trapKinds are the header's enumerations.
var (
	errorCodes = []enumItem{
		{"ML_ERR_NONE", "ErrNone", int64(abi.ErrNone)},
		{"ML_ERR_OVERFLOW", "ErrOverflow", int64(abi.ErrOverflow)},
		{"ML_ERR_ZERO_DIVISION", "ErrZeroDivision", int64(abi.ErrZeroDivision)},
		{"ML_ERR_INDEX", "ErrIndex", int64(abi.ErrIndex)},
		{"ML_ERR_VALUE", "ErrValue", int64(abi.ErrValue)},
		{"ML_ERR_ASSERTION", "ErrAssertion", int64(abi.ErrAssertion)},
		{"ML_ERR_MEMORY", "ErrMemory", int64(abi.ErrMemory)},
		{"ML_ERR_UNSUPPORTED", "ErrUnsupported", int64(abi.ErrUnsupported)},
		{"ML_ERR_TYPE", "ErrType", int64(abi.ErrType)},
		{"ML_ERR_INTERRUPT", "ErrInterrupt", int64(abi.ErrInterrupt)},
	}
	valKinds = []enumItem{
		{"ML_I32", "KindI32", int64(abi.KindI32)},
		{"ML_I64", "KindI64", int64(abi.KindI64)},
		{"ML_F32", "KindF32", int64(abi.KindF32)},
		{"ML_F64", "KindF64", int64(abi.KindF64)},
		{"ML_OTHER", "KindOther", int64(abi.KindOther)},
	}
	trapKinds = []enumItem{
		{"ML_OK", "TrapNone", int64(abi.TrapNone)},
		{"ML_TRAP_GENERIC", "TrapGeneric", int64(abi.TrapGeneric)},
		{"ML_TRAP_ZERO_DIVISION", "TrapZeroDivision", int64(abi.TrapZeroDivision)},
		{"ML_TRAP_OVERFLOW", "TrapOverflow", int64(abi.TrapOverflow)},
		{"ML_TRAP_INDEX", "TrapIndex", int64(abi.TrapIndex)},
		{"ML_TRAP_RECURSION", "TrapRecursion", int64(abi.TrapRecursion)},
		{"ML_TRAP_VALUE", "TrapValue", int64(abi.TrapValue)},
		{"ML_TRAP_ASSERTION", "TrapAssertion", int64(abi.TrapAssertion)},
		{"ML_TRAP_MEMORY", "TrapMemory", int64(abi.TrapMemory)},
		{"ML_TRAP_UNSUPPORTED", "TrapUnsupported", int64(abi.TrapUnsupported)},
		{"ML_TRAP_ERROR", "TrapError", int64(abi.TrapError)},
		{"ML_TRAP_TIMEOUT", "TrapTimeout", int64(abi.TrapTimeout)},
		{"ML_TRAP_TYPE", "TrapType", int64(abi.TrapType)},
		{"ML_TRAP_INTERRUPT", "TrapInterrupt", int64(abi.TrapInterrupt)},
	}
)

// render returns the text of the header.
func render() []byte {
	var b bytes.Buffer
	b.WriteString(`/*
 * ml_abi.h: the module ABI of core/abi for C (wasm/ and pybridge/).
 * Generated by core/abi/gen (go generate ./core/abi); do not edit.
 */
#ifndef ML_ABI_H
#define ML_ABI_H

#include <stdint.h>

`)
	for _, d := range defines {
		v := ""
		switch x := d.value.(type) {
		case int:
			v = strconv.Itoa(x)
		case string:
			v = strconv.Quote(x)
		default:
			panic(fmt.Sprintf("%s: value of type %T", d.c, d.value))
		}
		fmt.Fprintf(&b, "#define %s %s /* %s */\n", d.c, v, d.doc)
	}
	enum(&b, "Error codes a module records before trapping (abi.ErrorCode).", errorCodes)
	enum(&b, "Value kinds of parameters and results (abi.ValKind; wasm.h's wasm_valkind_enum).", valKinds)
	enum(&b, "Outcome kinds of a call (abi.TrapKind).", trapKinds)
	b.WriteString(`
/* ml_trap_for_error maps the code __ml_error returned after an
 * "unreachable" trap to the kind of the trap (abi.TrapFor). */
static inline int ml_trap_for_error(int32_t code) {
  switch (code) {
`)
	for _, e := range errorCodes {
		if k := abi.TrapFor(abi.ErrorCode(e.value)); k != abi.TrapGeneric {
			fmt.Fprintf(&b, "  case %s:\n    return %s;\n", e.c, trapKinds[k].c)
		}
	}
	b.WriteString(`  default:
    return ML_TRAP_GENERIC;
  }
}

#endif /* ML_ABI_H */
`)
	return b.Bytes()
}

// enum writes an anonymous C enumeration.
func enum(b *bytes.Buffer, doc string, items []enumItem) {
	fmt.Fprintf(b, "\n/* %s */\nenum {\n", doc)
	for _, e := range items {
		fmt.Fprintf(b, "  %s = %d,\n", e.c, e.value)
	}
	b.WriteString("};\n")
}
