package main

import (
	"testing"

	"github.com/multilingualprogramming/multilingual/core/abi"
)

// TestListLayout checks the header layout that lists.c reads and writes
// at fixed offsets (len at 0, cap at 4, data at 8) against core/abi. The
// sizes come from ml_abi.h, generated from core/abi.
func TestListLayout(t *testing.T) {
	if abi.ListLenOffset != 0 || abi.ListCapOffset != 4 || abi.ListDataOffset != 8 {
		t.Errorf("list header layout changed: len %d cap %d data %d; update lists.c",
			abi.ListLenOffset, abi.ListCapOffset, abi.ListDataOffset)
	}
}
