package main

import (
	"os"
	"regexp"
	"strconv"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/wasmgen"
)

// TestListABIMatchesWasmgen checks that the list ABI constants lists.h
// mirrors for lists.c are those of core/wasmgen/abi.go.
func TestListABIMatchesWasmgen(t *testing.T) {
	b, err := os.ReadFile("lists.h")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{
		"ML_LIST_HEADER": wasmgen.ListHeaderSize,
		"ML_LIST_SLOT":   wasmgen.ListSlotSize,
		"ML_BOOL_SLOT":   wasmgen.BoolSlotSize,
		"ML_HEAP_BASE":   wasmgen.HeapBase,
	}
	for name, v := range want {
		m := regexp.MustCompile(`#define ` + name + `\s+(\d+)`).FindSubmatch(b)
		if m == nil {
			t.Errorf("lists.h does not define %s", name)
			continue
		}
		if got, _ := strconv.Atoi(string(m[1])); got != v {
			t.Errorf("lists.h %s = %d, core/wasmgen says %d", name, got, v)
		}
	}
	// The header layout lists.c reads and writes: len at 0, cap at 4, data at 8.
	if wasmgen.ListLenOffset != 0 || wasmgen.ListCapOffset != 4 || wasmgen.ListDataOffset != 8 {
		t.Errorf("list header layout changed: len %d cap %d data %d; update lists.c",
			wasmgen.ListLenOffset, wasmgen.ListCapOffset, wasmgen.ListDataOffset)
	}
}
