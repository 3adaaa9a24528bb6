(module
  (memory (export "memory") 1)
  (global $__ml_error_code (mut i32) (i32.const 0))
  (global $__ml_heap (mut i32) (i32.const 2216))
  (global $__ml_argtop (mut i32) (i32.const 2216))
  (global $__ml_pos_str (mut i32) (i32.const 0))
  (global $__ml_pos_idx (mut i32) (i32.const 0))
  (global $__ml_pos_off (mut i32) (i32.const 0))
  (global $__ml_interrupt (export "__ml_interrupt") i32 (i32.const 8))
  (func $taille.impl (param $s i32) (result i64)
    local.get $s
    i32.load offset=4
    i32.const 1073741823
    i32.and
    i64.extend_i32_u
    return
    unreachable
  )
  (func $lettre.impl (param $s i32) (param $i i64) (result i32)
    (local $tmp.i32.2 i32)
    (local $tmp.i64.3 i64)
    (local $tmp.i64.4 i64)
    local.get $s
    local.set $tmp.i32.2
    local.get $i
    local.set $tmp.i64.3
    local.get $tmp.i32.2
    i32.load
    local.get $tmp.i32.2
    i32.load offset=4
    i32.const 1073741823
    i32.and
    i32.eq
    if (result i32)
      local.get $tmp.i64.3
      local.get $tmp.i64.3
      i64.const 63
      i64.shr_s
      local.get $tmp.i32.2
      i32.load offset=4
      i32.const 1073741823
      i32.and
      i64.extend_i32_u
      i64.and
      i64.add
      local.set $tmp.i64.4
      local.get $tmp.i64.4
      local.get $tmp.i32.2
      i32.load offset=4
      i32.const 1073741823
      i32.and
      i64.extend_i32_u
      i64.ge_u
      if
        i32.const 3
        global.set $__ml_error_code
        unreachable
      end
      local.get $tmp.i32.2
      local.get $tmp.i64.4
      i32.wrap_i64
      i32.add
      i32.load8_u offset=8
      i32.const 16
      i32.mul
      i32.const 16
      i32.add
    else
      local.get $tmp.i32.2
      local.get $tmp.i64.3
      call $__ml_str_at
    end
    return
    unreachable
  )
  (func $compare.impl (param $a i32) (param $b i32) (result i64)
    local.get $a
    local.get $b
    call $__ml_str_eq
    if
      i64.const 0
      return
    else
      local.get $a
      local.get $b
      call $__ml_str_cmp
      i32.const 0
      i32.lt_s
      if
        i64.const -1
        return
      end
    end
    i64.const 1
    return
    unreachable
  )
  (func $ordre.impl (param $a i32) (param $b i32) (result i64)
    local.get $a
    local.get $b
    call $__ml_str_cmp
    i32.const 0
    i32.le_s
    i64.extend_i32_u
    i64.const 2
    local.get $a
    local.get $b
    call $__ml_str_cmp
    i32.const 0
    i32.gt_s
    i64.extend_i32_u
    i64.mul
    i64.add
    i64.const 4
    local.get $a
    local.get $b
    call $__ml_str_cmp
    i32.const 0
    i32.ge_s
    i64.extend_i32_u
    i64.mul
    i64.add
    i64.const 8
    local.get $a
    local.get $b
    call $__ml_str_eq
    i32.eqz
    i64.extend_i32_u
    i64.mul
    i64.add
    return
    unreachable
  )
  (func $joindre.impl (param $a i32) (param $b i32) (result i32)
    local.get $a
    local.get $b
    call $__ml_str_cat
    return
    unreachable
  )
  (func $"répéter.impl" (param $s i32) (param $n i64) (result i32)
    local.get $s
    local.get $n
    call $__ml_str_repeat
    return
    unreachable
  )
  (func $contient.impl (param $aiguille i32) (param $meule i32) (result i32)
    local.get $aiguille
    local.get $meule
    call $__ml_str_in
    return
    unreachable
  )
  (func $absent.impl (param $aiguille i32) (param $meule i32) (result i32)
    local.get $aiguille
    local.get $meule
    call $__ml_str_in
    i32.eqz
    return
    unreachable
  )
  (func $codes.impl (param $s i32) (result i64)
    (local $h i64)
    (local $c i32)
    (local $tmp.i32.3 i32)
    (local $tmp.i32.4 i32)
    (local $tmp.i32.5 i32)
    (local $c.cp i64)
    (local $tmp.i32.7 i32)
    i64.const 0
    local.set $h
    local.get $s
    local.tee $tmp.i32.3
    i32.load
    local.get $tmp.i32.3
    i32.const 8
    i32.add
    local.tee $tmp.i32.3
    i32.add
    local.set $tmp.i32.4
    block
      loop
        i32.const 0
        i32.atomic.load offset=8
        if
          i32.const 9
          global.set $__ml_error_code
          unreachable
        end
        local.get $tmp.i32.3
        local.get $tmp.i32.4
        i32.ge_u
        br_if 1
        local.get $tmp.i32.3
        i32.const 1024
        i32.add
        local.get $tmp.i32.4
        local.get $tmp.i32.4
        local.get $tmp.i32.3
        i32.sub
        i32.const 1024
        i32.gt_u
        select
        local.set $tmp.i32.7
        loop
          local.get $tmp.i32.3
          i32.load8_u
          local.tee $tmp.i32.5
          i32.const 128
          i32.lt_u
          if (result i32)
            local.get $tmp.i32.3
            i32.const 1
            i32.add
            local.set $tmp.i32.3
            local.get $tmp.i32.5
          else
            local.get $tmp.i32.5
            i32.const 224
            i32.lt_u
            if (result i32)
              local.get $tmp.i32.5
              i32.const 31
              i32.and
              i32.const 6
              i32.shl
              local.get $tmp.i32.3
              i32.load8_u offset=1
              i32.const 63
              i32.and
              i32.or
              local.get $tmp.i32.3
              i32.const 2
              i32.add
              local.set $tmp.i32.3
            else
              local.get $tmp.i32.5
              i32.const 240
              i32.lt_u
              if (result i32)
                local.get $tmp.i32.5
                i32.const 15
                i32.and
                i32.const 6
                i32.shl
                local.get $tmp.i32.3
                i32.load8_u offset=1
                i32.const 63
                i32.and
                i32.or
                i32.const 6
                i32.shl
                local.get $tmp.i32.3
                i32.load8_u offset=2
                i32.const 63
                i32.and
                i32.or
                local.get $tmp.i32.3
                i32.const 3
                i32.add
                local.set $tmp.i32.3
              else
                local.get $tmp.i32.5
                i32.const 7
                i32.and
                i32.const 6
                i32.shl
                local.get $tmp.i32.3
                i32.load8_u offset=1
                i32.const 63
                i32.and
                i32.or
                i32.const 6
                i32.shl
                local.get $tmp.i32.3
                i32.load8_u offset=2
                i32.const 63
                i32.and
                i32.or
                i32.const 6
                i32.shl
                local.get $tmp.i32.3
                i32.load8_u offset=3
                i32.const 63
                i32.and
                i32.or
                local.get $tmp.i32.3
                i32.const 4
                i32.add
                local.set $tmp.i32.3
              end
            end
          end
          i64.extend_i32_u
          local.set $c.cp
          block
            local.get $h
            i64.const 31
            i64.mul
            local.get $c.cp
            i64.add
            i64.const 1000000007
            i64.rem_u
            local.set $h
          end
          local.get $tmp.i32.3
          local.get $tmp.i32.7
          i32.lt_u
          br_if 0
        end
        br 0
      end
    end
    local.get $h
    return
    unreachable
  )
  (func $hachage.impl (param $s i32) (result i64)
    (local $h i64)
    (local $c i32)
    (local $tmp.i32.3 i32)
    (local $tmp.i32.4 i32)
    (local $tmp.i32.5 i32)
    (local $tmp.i32.6 i32)
    (local $tmp.i32.7 i32)
    (local $tmp.i64.8 i64)
    (local $tmp.i32.9 i32)
    i64.const 0
    local.set $h
    local.get $s
    local.tee $tmp.i32.3
    i32.load
    local.get $tmp.i32.3
    i32.const 8
    i32.add
    local.tee $tmp.i32.3
    i32.add
    local.set $tmp.i32.4
    local.get $tmp.i32.3
    local.get $tmp.i32.4
    i32.lt_u
    if
      local.get $h
      i32.wrap_i64
      local.set $tmp.i32.9
      block
        loop
          i32.const 0
          i32.atomic.load offset=8
          if
            i32.const 9
            global.set $__ml_error_code
            unreachable
          end
          local.get $tmp.i32.3
          local.get $tmp.i32.4
          i32.ge_u
          br_if 1
          local.get $tmp.i32.3
          i32.const 1024
          i32.add
          local.get $tmp.i32.4
          local.get $tmp.i32.4
          local.get $tmp.i32.3
          i32.sub
          i32.const 1024
          i32.gt_u
          select
          local.set $tmp.i32.5
          loop
            local.get $tmp.i32.5
            local.get $tmp.i32.3
            i32.sub
            i32.const 8
            i32.ge_s
            if
              local.get $tmp.i32.3
              i64.load
              local.tee $tmp.i64.8
              i64.const -9187201950435737472
              i64.and
              i64.eqz
              if
                local.get $tmp.i32.9
                i32.const -1807454463
                i32.mul
                local.get $tmp.i64.8
                i64.const 71777214294589695
                i64.and
                i64.const 31
                i64.mul
                local.get $tmp.i64.8
                i64.const 8
                i64.shr_u
                i64.const 71777214294589695
                i64.and
                i64.add
                local.set $tmp.i64.8
                local.get $tmp.i64.8
                i64.const 281470681808895
                i64.and
                i64.const 961
                i64.mul
                local.get $tmp.i64.8
                i64.const 16
                i64.shr_u
                i64.const 281470681808895
                i64.and
                i64.add
                local.set $tmp.i64.8
                local.get $tmp.i64.8
                i64.const 4294967295
                i64.and
                i64.const 923521
                i64.mul
                local.get $tmp.i64.8
                i64.const 32
                i64.shr_u
                i64.add
                i32.wrap_i64
                i32.add
                local.set $tmp.i32.9
                local.get $tmp.i32.3
                i32.const 8
                i32.add
                local.set $tmp.i32.3
              else
                local.get $tmp.i64.8
                i64.const -9187201950435737472
                i64.and
                i64.ctz
                i32.wrap_i64
                i32.const 3
                i32.shr_u
                local.tee $tmp.i32.7
                if
                  local.get $tmp.i64.8
                  i32.const 8
                  local.get $tmp.i32.7
                  i32.sub
                  i32.const 3
                  i32.shl
                  i64.extend_i32_u
                  i64.shl
                  local.set $tmp.i64.8
                  local.get $tmp.i32.9
                  local.get $tmp.i32.7
                  i32.const 2
                  i32.shl
                  i32.load offset=2072
                  i32.mul
                  local.get $tmp.i64.8
                  i64.const 71777214294589695
                  i64.and
                  i64.const 31
                  i64.mul
                  local.get $tmp.i64.8
                  i64.const 8
                  i64.shr_u
                  i64.const 71777214294589695
                  i64.and
                  i64.add
                  local.set $tmp.i64.8
                  local.get $tmp.i64.8
                  i64.const 281470681808895
                  i64.and
                  i64.const 961
                  i64.mul
                  local.get $tmp.i64.8
                  i64.const 16
                  i64.shr_u
                  i64.const 281470681808895
                  i64.and
                  i64.add
                  local.set $tmp.i64.8
                  local.get $tmp.i64.8
                  i64.const 4294967295
                  i64.and
                  i64.const 923521
                  i64.mul
                  local.get $tmp.i64.8
                  i64.const 32
                  i64.shr_u
                  i64.add
                  i32.wrap_i64
                  i32.add
                  local.set $tmp.i32.9
                  local.get $tmp.i32.3
                  local.get $tmp.i32.7
                  i32.add
                  local.set $tmp.i32.3
                end
                local.get $tmp.i32.9
                i32.const 5
                i32.shl
                local.get $tmp.i32.9
                i32.sub
                local.get $tmp.i32.3
                i32.load8_u
                local.set $tmp.i32.6
                local.get $tmp.i32.6
                i32.const 224
                i32.lt_u
                if (result i32)
                  local.get $tmp.i32.6
                  i32.const 31
                  i32.and
                  i32.const 6
                  i32.shl
                  local.get $tmp.i32.3
                  i32.load8_u offset=1
                  i32.const 63
                  i32.and
                  i32.or
                  local.get $tmp.i32.3
                  i32.const 2
                  i32.add
                  local.set $tmp.i32.3
                else
                  local.get $tmp.i32.6
                  i32.const 240
                  i32.lt_u
                  if (result i32)
                    local.get $tmp.i32.6
                    i32.const 15
                    i32.and
                    i32.const 6
                    i32.shl
                    local.get $tmp.i32.3
                    i32.load8_u offset=1
                    i32.const 63
                    i32.and
                    i32.or
                    i32.const 6
                    i32.shl
                    local.get $tmp.i32.3
                    i32.load8_u offset=2
                    i32.const 63
                    i32.and
                    i32.or
                    local.get $tmp.i32.3
                    i32.const 3
                    i32.add
                    local.set $tmp.i32.3
                  else
                    local.get $tmp.i32.6
                    i32.const 7
                    i32.and
                    i32.const 6
                    i32.shl
                    local.get $tmp.i32.3
                    i32.load8_u offset=1
                    i32.const 63
                    i32.and
                    i32.or
                    i32.const 6
                    i32.shl
                    local.get $tmp.i32.3
                    i32.load8_u offset=2
                    i32.const 63
                    i32.and
                    i32.or
                    i32.const 6
                    i32.shl
                    local.get $tmp.i32.3
                    i32.load8_u offset=3
                    i32.const 63
                    i32.and
                    i32.or
                    local.get $tmp.i32.3
                    i32.const 4
                    i32.add
                    local.set $tmp.i32.3
                  end
                end
                i32.add
                local.set $tmp.i32.9
              end
            else
              local.get $tmp.i32.9
              i32.const 5
              i32.shl
              local.get $tmp.i32.9
              i32.sub
              local.get $tmp.i32.3
              i32.load8_u
              local.tee $tmp.i32.6
              i32.const 128
              i32.lt_u
              if (result i32)
                local.get $tmp.i32.3
                i32.const 1
                i32.add
                local.set $tmp.i32.3
                local.get $tmp.i32.6
              else
                local.get $tmp.i32.6
                i32.const 224
                i32.lt_u
                if (result i32)
                  local.get $tmp.i32.6
                  i32.const 31
                  i32.and
                  i32.const 6
                  i32.shl
                  local.get $tmp.i32.3
                  i32.load8_u offset=1
                  i32.const 63
                  i32.and
                  i32.or
                  local.get $tmp.i32.3
                  i32.const 2
                  i32.add
                  local.set $tmp.i32.3
                else
                  local.get $tmp.i32.6
                  i32.const 240
                  i32.lt_u
                  if (result i32)
                    local.get $tmp.i32.6
                    i32.const 15
                    i32.and
                    i32.const 6
                    i32.shl
                    local.get $tmp.i32.3
                    i32.load8_u offset=1
                    i32.const 63
                    i32.and
                    i32.or
                    i32.const 6
                    i32.shl
                    local.get $tmp.i32.3
                    i32.load8_u offset=2
                    i32.const 63
                    i32.and
                    i32.or
                    local.get $tmp.i32.3
                    i32.const 3
                    i32.add
                    local.set $tmp.i32.3
                  else
                    local.get $tmp.i32.6
                    i32.const 7
                    i32.and
                    i32.const 6
                    i32.shl
                    local.get $tmp.i32.3
                    i32.load8_u offset=1
                    i32.const 63
                    i32.and
                    i32.or
                    i32.const 6
                    i32.shl
                    local.get $tmp.i32.3
                    i32.load8_u offset=2
                    i32.const 63
                    i32.and
                    i32.or
                    i32.const 6
                    i32.shl
                    local.get $tmp.i32.3
                    i32.load8_u offset=3
                    i32.const 63
                    i32.and
                    i32.or
                    local.get $tmp.i32.3
                    i32.const 4
                    i32.add
                    local.set $tmp.i32.3
                  end
                end
              end
              i32.add
              local.set $tmp.i32.9
            end
            local.get $tmp.i32.3
            local.get $tmp.i32.5
            i32.lt_u
            br_if 0
          end
          br 0
        end
      end
      local.get $tmp.i32.9
      i64.extend_i32_u
      local.set $h
    end
    local.get $h
    return
    unreachable
  )
  (func $inverse.impl (param $s i32) (result i32)
    (local $r i32)
    (local $c i32)
    (local $tmp.i32.3 i32)
    (local $tmp.i32.4 i32)
    (local $tmp.i32.5 i32)
    (local $tmp.i32.6 i32)
    (local $tmp.i32.7 i32)
    i32.const 2064
    local.set $r
    local.get $s
    local.tee $tmp.i32.3
    i32.load
    local.get $tmp.i32.3
    i32.const 8
    i32.add
    local.tee $tmp.i32.3
    i32.add
    local.set $tmp.i32.4
    block
      loop
        i32.const 0
        i32.atomic.load offset=8
        if
          i32.const 9
          global.set $__ml_error_code
          unreachable
        end
        local.get $tmp.i32.3
        local.get $tmp.i32.4
        i32.ge_u
        br_if 1
        local.get $tmp.i32.3
        i32.load8_u
        local.tee $tmp.i32.6
        i32.const 128
        i32.lt_u
        if (result i32)
          local.get $tmp.i32.6
          i32.const 16
          i32.mul
          i32.const 16
          i32.add
        else
          local.get $tmp.i32.3
          call $__ml_char_at
        end
        local.set $c
        local.get $tmp.i32.3
        local.get $tmp.i32.6
        local.tee $tmp.i32.7
        i32.const 192
        i32.ge_u
        i32.const 1
        i32.add
        local.get $tmp.i32.7
        i32.const 224
        i32.ge_u
        i32.add
        local.get $tmp.i32.7
        i32.const 240
        i32.ge_u
        i32.add
        i32.add
        local.set $tmp.i32.3
        block
          local.get $c
          local.get $r
          call $__ml_str_cat
          local.set $r
        end
        br 0
      end
    end
    local.get $r
    return
    unreachable
  )
  (func $code.impl (param $s i32) (result i64)
    local.get $s
    call $__ml_ord
    return
    unreachable
  )
  (func $car.impl (param $n i64) (result i32)
    (local $tmp.i64.1 i64)
    local.get $n
    local.set $tmp.i64.1
    local.get $tmp.i64.1
    i64.const 128
    i64.lt_u
    if (result i32)
      local.get $tmp.i64.1
      i32.wrap_i64
      i32.const 16
      i32.mul
      i32.const 16
      i32.add
    else
      local.get $tmp.i64.1
      call $__ml_chr
    end
    return
    unreachable
  )
  (func $texte.impl (param $n i64) (result i32)
    local.get $n
    call $__ml_str_int
    i32.const 2104
    i32.const 2120
    local.get $n
    i64.const 0
    i64.gt_s
    select
    call $__ml_str_cat
    i32.const 2064
    call $__ml_str_cat
    i32.const 544
    call $__ml_str_cat
    return
    unreachable
  )
  (func $voyelles.impl (param $s i32) (result i64)
    (local $n i64)
    (local $c i32)
    (local $tmp.i32.3 i32)
    (local $tmp.i32.4 i32)
    (local $tmp.i32.5 i32)
    (local $tmp.i32.6 i32)
    (local $tmp.i32.7 i32)
    (local $tmp.i32.8 i32)
    (local $tmp.i32.9 i32)
    (local $tmp.i32.10 i32)
    (local $tmp.i32.11 i32)
    i64.const 0
    local.set $n
    i32.const 4
    i32.const 1
    call $__ml_str_alloc
    local.set $tmp.i32.5
    local.get $s
    local.tee $tmp.i32.3
    i32.load
    local.get $tmp.i32.3
    i32.const 8
    i32.add
    local.tee $tmp.i32.3
    i32.add
    local.set $tmp.i32.4
    block
      loop
        i32.const 0
        i32.atomic.load offset=8
        if
          i32.const 9
          global.set $__ml_error_code
          unreachable
        end
        local.get $tmp.i32.3
        local.get $tmp.i32.4
        i32.ge_u
        br_if 1
        local.get $tmp.i32.3
        i32.load8_u
        local.tee $tmp.i32.6
        i32.const 128
        i32.lt_u
        if (result i32)
          local.get $tmp.i32.6
          i32.const 16
          i32.mul
          i32.const 16
          i32.add
        else
          local.get $tmp.i32.3
          local.get $tmp.i32.5
          call $__ml_char_into
        end
        local.set $c
        local.get $tmp.i32.3
        local.get $tmp.i32.6
        local.tee $tmp.i32.7
        i32.const 192
        i32.ge_u
        i32.const 1
        i32.add
        local.get $tmp.i32.7
        i32.const 224
        i32.ge_u
        i32.add
        local.get $tmp.i32.7
        i32.const 240
        i32.ge_u
        i32.add
        i32.add
        local.set $tmp.i32.3
        block
          local.get $c
          local.set $tmp.i32.7
          i64.const 6
          call $__ml_list
          local.set $tmp.i32.10
          local.get $tmp.i32.10
          i32.load offset=8
          local.set $tmp.i32.11
          local.get $tmp.i32.11
          i32.const 1568
          i64.extend_i32_u
          i64.store
          local.get $tmp.i32.11
          i32.const 1632
          i64.extend_i32_u
          i64.store offset=8
          local.get $tmp.i32.11
          i32.const 1696
          i64.extend_i32_u
          i64.store offset=16
          local.get $tmp.i32.11
          i32.const 1792
          i64.extend_i32_u
          i64.store offset=24
          local.get $tmp.i32.11
          i32.const 1888
          i64.extend_i32_u
          i64.store offset=32
          local.get $tmp.i32.11
          i32.const 2136
          i64.extend_i32_u
          i64.store offset=40
          local.get $tmp.i32.10
          local.set $tmp.i32.8
          i32.const 0
          local.set $tmp.i32.9
          i32.const 0
          local.set $tmp.i32.10
          block
            loop
              local.get $tmp.i32.10
              local.get $tmp.i32.8
              i32.load
              i32.ge_u
              br_if 1
              local.get $tmp.i32.8
              i32.load offset=8
              local.get $tmp.i32.10
              i32.const 3
              i32.shl
              i32.add
              i32.load
              local.set $tmp.i32.11
              local.get $tmp.i32.10
              i32.const 1
              i32.add
              local.set $tmp.i32.10
              block
                local.get $tmp.i32.11
                local.get $tmp.i32.7
                call $__ml_str_eq
                if
                  i32.const 1
                  local.set $tmp.i32.9
                  br 3
                end
              end
              br 0
            end
          end
          local.get $tmp.i32.9
          if
            local.get $n
            i64.const 1
            i64.add
            local.set $n
          end
        end
        br 0
      end
    end
    local.get $n
    return
    unreachable
  )
  (func $vide.impl (param $s i32) (result i32)
    local.get $s
    i32.load
    i32.const 0
    i32.ne
    i32.eqz
    return
    unreachable
  )
  (func $choix.impl (param $a i32) (param $b i32) (result i32)
    (local $tmp.i32.2 i32)
    local.get $a
    local.tee $tmp.i32.2
    i32.load
    i32.const 0
    i32.ne
    if (result i32)
      local.get $tmp.i32.2
    else
      local.get $b
    end
    return
    unreachable
  )
  (func $parmi.impl (param $s i32) (param $n i64) (result i64)
    (local $mots i32)
    (local $tmp.i32.3 i32)
    (local $tmp.i32.4 i32)
    (local $tmp.i32.5 i32)
    (local $tmp.i32.6 i32)
    (local $tmp.i32.7 i32)
    (local $tmp.i64.8 i64)
    i64.const 3
    call $__ml_list
    local.set $tmp.i32.3
    local.get $tmp.i32.3
    i32.load offset=8
    local.set $tmp.i32.4
    local.get $tmp.i32.4
    i32.const 2152
    i64.extend_i32_u
    i64.store
    local.get $tmp.i32.4
    i32.const 2168
    i64.extend_i32_u
    i64.store offset=8
    local.get $tmp.i32.4
    i32.const 2184
    i64.extend_i32_u
    i64.store offset=16
    local.get $tmp.i32.3
    local.set $mots
    local.get $mots
    local.set $tmp.i32.3
    local.get $s
    local.set $tmp.i32.5
    local.get $tmp.i32.3
    i32.load
    local.tee $tmp.i32.4
    local.get $tmp.i32.3
    i32.load offset=4
    i32.eq
    if
      local.get $tmp.i32.3
      call $__ml_grow
    end
    local.get $tmp.i32.3
    local.get $tmp.i32.4
    i32.const 1
    i32.add
    i32.store
    local.get $tmp.i32.3
    i32.load offset=8
    local.get $tmp.i32.4
    i32.const 3
    i32.shl
    i32.add
    local.get $tmp.i32.5
    i64.extend_i32_u
    i64.store
    local.get $s
    local.set $tmp.i32.5
    local.get $mots
    local.set $tmp.i32.4
    i32.const 0
    local.set $tmp.i32.3
    i32.const 0
    local.set $tmp.i32.6
    block
      loop
        local.get $tmp.i32.6
        local.get $tmp.i32.4
        i32.load
        i32.ge_u
        br_if 1
        local.get $tmp.i32.4
        i32.load offset=8
        local.get $tmp.i32.6
        i32.const 3
        i32.shl
        i32.add
        i32.load
        local.set $tmp.i32.7
        local.get $tmp.i32.6
        i32.const 1
        i32.add
        local.set $tmp.i32.6
        block
          local.get $tmp.i32.7
          local.get $tmp.i32.5
          call $__ml_str_eq
          if
            i32.const 1
            local.set $tmp.i32.3
            br 3
          end
        end
        br 0
      end
    end
    local.get $tmp.i32.3
    i64.extend_i32_u
    local.get $n
    local.get $n
    i64.const 63
    i64.shr_s
    local.get $mots
    i32.load
    i64.extend_i32_u
    i64.and
    i64.add
    local.set $tmp.i64.8
    local.get $tmp.i64.8
    local.get $mots
    i32.load
    i64.extend_i32_u
    i64.ge_u
    if
      i32.const 3
      global.set $__ml_error_code
      unreachable
    end
    local.get $mots
    i32.load offset=8
    local.get $tmp.i64.8
    i32.wrap_i64
    i32.const 3
    i32.shl
    i32.add
    i32.load
    i32.load offset=4
    i32.const 1073741823
    i32.and
    i64.extend_i32_u
    i64.add
    return
    unreachable
  )
  (func $construire.impl (param $n i64) (result i32)
    (local $r i32)
    (local $i i64)
    (local $tmp.i64.3 i64)
    (local $tmp.i64.4 i64)
    (local $tmp.i32.5 i32)
    (local $tmp.i64.6 i64)
    (local $tmp.i32.7 i32)
    (local $tmp.i32.8 i32)
    (local $tmp.i64.9 i64)
    i32.const 2064
    local.set $r
    i64.const 0
    local.set $tmp.i64.3
    local.get $n
    local.set $tmp.i64.4
    block
      loop
        i32.const 0
        i32.atomic.load offset=8
        if
          i32.const 9
          global.set $__ml_error_code
          unreachable
        end
        local.get $tmp.i64.3
        local.get $tmp.i64.4
        i64.ge_s
        br_if 1
        local.get $tmp.i64.3
        local.set $i
        block
          i64.const 65
          local.get $i
          i64.const 26
          i64.rem_u
          i64.add
          local.set $tmp.i64.6
          local.get $tmp.i64.6
          i64.const 128
          i64.lt_u
          if (result i32)
            local.get $tmp.i64.6
            i32.wrap_i64
            i32.const 16
            i32.mul
            i32.const 16
            i32.add
          else
            local.get $tmp.i64.6
            call $__ml_chr
          end
          local.set $tmp.i32.5
          local.get $r
          i32.load
          local.get $r
          i32.add
          i32.const 8
          i32.add
          local.set $tmp.i32.7
          local.get $tmp.i32.5
          i32.load
          i32.const 1
          i32.eq
          local.get $r
          i32.load offset=4
          i32.const 1073741824
          i32.and
          i32.const 0
          i32.ne
          i32.and
          global.get $__ml_heap
          i32.const 7
          i32.add
          i32.const -8
          i32.and
          i32.const 1
          i32.sub
          local.get $tmp.i32.7
          i32.sub
          i32.const 7
          i32.lt_u
          i32.and
          if (result i32)
            local.get $r
            i32.load offset=4
            i32.const 1073741823
            i32.and
            i32.const 1
            i32.add
            local.tee $tmp.i32.8
            i32.const 268435456
            i32.gt_u
            if
              i32.const 6
              global.set $__ml_error_code
              unreachable
            end
            local.get $tmp.i32.7
            local.get $tmp.i32.5
            i32.load8_u offset=8
            i32.store8
            local.get $tmp.i32.7
            i32.const 1
            i32.add
            global.get $__ml_heap
            local.get $tmp.i32.7
            i32.const 1
            i32.add
            global.get $__ml_heap
            i32.gt_u
            select
            global.set $__ml_heap
            local.get $r
            local.get $r
            i32.load
            i32.const 1
            i32.add
            i32.store
            local.get $r
            local.get $tmp.i32.8
            i32.const 1073741824
            i32.or
            i32.store offset=4
            local.get $r
          else
            local.get $r
            local.get $tmp.i32.5
            i32.const 1
            call $__ml_str_append
          end
          local.set $r
          i64.const 19968
          local.get $i
          i64.add
          local.tee $tmp.i64.9
          i64.const 0
          i64.lt_s
          if
            i32.const 1
            global.set $__ml_error_code
            unreachable
          end
          local.get $tmp.i64.9
          local.set $tmp.i64.6
          local.get $tmp.i64.6
          i64.const 128
          i64.lt_u
          if (result i32)
            local.get $tmp.i64.6
            i32.wrap_i64
            i32.const 16
            i32.mul
            i32.const 16
            i32.add
          else
            local.get $tmp.i64.6
            call $__ml_chr
          end
          local.set $tmp.i32.5
          local.get $r
          i32.load
          local.get $r
          i32.add
          i32.const 8
          i32.add
          local.set $tmp.i32.8
          local.get $tmp.i32.5
          i32.load
          i32.const 1
          i32.eq
          local.get $r
          i32.load offset=4
          i32.const 1073741824
          i32.and
          i32.const 0
          i32.ne
          i32.and
          global.get $__ml_heap
          i32.const 7
          i32.add
          i32.const -8
          i32.and
          i32.const 1
          i32.sub
          local.get $tmp.i32.8
          i32.sub
          i32.const 7
          i32.lt_u
          i32.and
          if (result i32)
            local.get $r
            i32.load offset=4
            i32.const 1073741823
            i32.and
            i32.const 1
            i32.add
            local.tee $tmp.i32.7
            i32.const 268435456
            i32.gt_u
            if
              i32.const 6
              global.set $__ml_error_code
              unreachable
            end
            local.get $tmp.i32.8
            local.get $tmp.i32.5
            i32.load8_u offset=8
            i32.store8
            local.get $tmp.i32.8
            i32.const 1
            i32.add
            global.get $__ml_heap
            local.get $tmp.i32.8
            i32.const 1
            i32.add
            global.get $__ml_heap
            i32.gt_u
            select
            global.set $__ml_heap
            local.get $r
            local.get $r
            i32.load
            i32.const 1
            i32.add
            i32.store
            local.get $r
            local.get $tmp.i32.7
            i32.const 1073741824
            i32.or
            i32.store offset=4
            local.get $r
          else
            local.get $r
            local.get $tmp.i32.5
            i32.const 1
            call $__ml_str_append
          end
          local.set $r
        end
        local.get $tmp.i64.3
        i64.const 1
        i64.add
        local.set $tmp.i64.3
        br 0
      end
    end
    local.get $r
    local.get $r
    i32.load offset=4
    i32.const -1073741825
    i32.and
    i32.store offset=4
    local.get $r
    return
    unreachable
  )
  (func $alias.impl (param $n i64) (result i32)
    (local $r i32)
    (local $t i32)
    (local $i i64)
    (local $tmp.i64.4 i64)
    (local $tmp.i64.5 i64)
    (local $tmp.i32.6 i32)
    (local $tmp.i32.7 i32)
    (local $tmp.i32.8 i32)
    i32.const 2200
    local.set $r
    local.get $r
    local.get $r
    i32.load offset=4
    i32.const -1073741825
    i32.and
    i32.store offset=4
    local.get $r
    local.set $t
    i64.const 0
    local.set $tmp.i64.4
    local.get $n
    local.set $tmp.i64.5
    block
      loop
        i32.const 0
        i32.atomic.load offset=8
        if
          i32.const 9
          global.set $__ml_error_code
          unreachable
        end
        local.get $tmp.i64.4
        local.get $tmp.i64.5
        i64.ge_s
        br_if 1
        local.get $tmp.i64.4
        local.set $i
        block
          i32.const 1936
          local.set $tmp.i32.6
          local.get $r
          i32.load
          local.get $r
          i32.add
          i32.const 8
          i32.add
          local.set $tmp.i32.7
          local.get $tmp.i32.6
          i32.load
          i32.const 1
          i32.eq
          local.get $r
          i32.load offset=4
          i32.const 1073741824
          i32.and
          i32.const 0
          i32.ne
          i32.and
          global.get $__ml_heap
          i32.const 7
          i32.add
          i32.const -8
          i32.and
          i32.const 1
          i32.sub
          local.get $tmp.i32.7
          i32.sub
          i32.const 7
          i32.lt_u
          i32.and
          if (result i32)
            local.get $r
            i32.load offset=4
            i32.const 1073741823
            i32.and
            i32.const 1
            i32.add
            local.tee $tmp.i32.8
            i32.const 268435456
            i32.gt_u
            if
              i32.const 6
              global.set $__ml_error_code
              unreachable
            end
            local.get $tmp.i32.7
            local.get $tmp.i32.6
            i32.load8_u offset=8
            i32.store8
            local.get $tmp.i32.7
            i32.const 1
            i32.add
            global.get $__ml_heap
            local.get $tmp.i32.7
            i32.const 1
            i32.add
            global.get $__ml_heap
            i32.gt_u
            select
            global.set $__ml_heap
            local.get $r
            local.get $r
            i32.load
            i32.const 1
            i32.add
            i32.store
            local.get $r
            local.get $tmp.i32.8
            i32.const 1073741824
            i32.or
            i32.store offset=4
            local.get $r
          else
            local.get $r
            local.get $tmp.i32.6
            i32.const 0
            call $__ml_str_append
          end
          local.set $r
          local.get $i
          i64.const 2
          i64.eq
          if
            local.get $r
            local.get $r
            i32.load offset=4
            i32.const -1073741825
            i32.and
            i32.store offset=4
            local.get $r
            local.set $t
          end
        end
        local.get $tmp.i64.4
        i64.const 1
        i64.add
        local.set $tmp.i64.4
        br 0
      end
    end
    local.get $t
    i32.const 2000
    call $__ml_str_cat
    local.get $r
    local.get $r
    i32.load offset=4
    i32.const -1073741825
    i32.and
    i32.store offset=4
    local.get $r
    call $__ml_str_cat
    return
    unreachable
  )
  (func $dans_liste.impl (param $n i64) (result i64)
    (local $r i32)
    (local $l i32)
    (local $i i64)
    (local $total i64)
    (local $s i32)
    (local $tmp.i32.6 i32)
    (local $tmp.i32.7 i32)
    (local $tmp.i64.8 i64)
    (local $tmp.i64.9 i64)
    (local $tmp.i32.10 i32)
    (local $tmp.i64.11 i64)
    i32.const 2064
    local.set $r
    i64.const 1
    call $__ml_list
    local.set $tmp.i32.6
    local.get $tmp.i32.6
    i32.load offset=8
    local.set $tmp.i32.7
    local.get $tmp.i32.7
    i32.const 2064
    i64.extend_i32_u
    i64.store
    local.get $tmp.i32.6
    local.set $l
    i64.const 0
    local.set $tmp.i64.8
    local.get $n
    local.set $tmp.i64.9
    block
      loop
        i32.const 0
        i32.atomic.load offset=8
        if
          i32.const 9
          global.set $__ml_error_code
          unreachable
        end
        local.get $tmp.i64.8
        local.get $tmp.i64.9
        i64.ge_s
        br_if 1
        local.get $tmp.i64.8
        local.set $i
        block
          i32.const 2136
          local.set $tmp.i32.6
          local.get $r
          i32.load
          local.get $r
          i32.add
          i32.const 8
          i32.add
          local.set $tmp.i32.7
          local.get $tmp.i32.6
          i32.load
          i32.const 1
          i32.eq
          local.get $r
          i32.load offset=4
          i32.const 1073741824
          i32.and
          i32.const 0
          i32.ne
          i32.and
          global.get $__ml_heap
          i32.const 7
          i32.add
          i32.const -8
          i32.and
          i32.const 1
          i32.sub
          local.get $tmp.i32.7
          i32.sub
          i32.const 7
          i32.lt_u
          i32.and
          if (result i32)
            local.get $r
            i32.load offset=4
            i32.const 1073741823
            i32.and
            i32.const 1
            i32.add
            local.tee $tmp.i32.10
            i32.const 268435456
            i32.gt_u
            if
              i32.const 6
              global.set $__ml_error_code
              unreachable
            end
            local.get $tmp.i32.7
            local.get $tmp.i32.6
            i32.load8_u offset=8
            i32.store8
            local.get $tmp.i32.7
            i32.const 1
            i32.add
            global.get $__ml_heap
            local.get $tmp.i32.7
            i32.const 1
            i32.add
            global.get $__ml_heap
            i32.gt_u
            select
            global.set $__ml_heap
            local.get $r
            local.get $r
            i32.load
            i32.const 1
            i32.add
            i32.store
            local.get $r
            local.get $tmp.i32.10
            i32.const 1073741824
            i32.or
            i32.store offset=4
            local.get $r
          else
            local.get $r
            local.get $tmp.i32.6
            i32.const 0
            call $__ml_str_append
          end
          local.set $r
          local.get $l
          local.set $tmp.i32.6
          local.get $r
          local.get $r
          i32.load offset=4
          i32.const -1073741825
          i32.and
          i32.store offset=4
          local.get $r
          local.set $tmp.i32.7
          local.get $tmp.i32.6
          i32.load
          local.tee $tmp.i32.10
          local.get $tmp.i32.6
          i32.load offset=4
          i32.eq
          if
            local.get $tmp.i32.6
            call $__ml_grow
          end
          local.get $tmp.i32.6
          local.get $tmp.i32.10
          i32.const 1
          i32.add
          i32.store
          local.get $tmp.i32.6
          i32.load offset=8
          local.get $tmp.i32.10
          i32.const 3
          i32.shl
          i32.add
          local.get $tmp.i32.7
          i64.extend_i32_u
          i64.store
        end
        local.get $tmp.i64.8
        i64.const 1
        i64.add
        local.set $tmp.i64.8
        br 0
      end
    end
    i64.const 0
    local.set $total
    local.get $l
    local.set $tmp.i32.7
    local.get $tmp.i32.7
    i32.load
    i64.extend_i32_u
    local.set $tmp.i64.8
    local.get $tmp.i32.7
    i32.load offset=8
    local.set $tmp.i32.10
    i64.const 0
    local.set $tmp.i64.9
    block
      loop
        i32.const 0
        i32.atomic.load offset=8
        if
          i32.const 9
          global.set $__ml_error_code
          unreachable
        end
        local.get $tmp.i64.9
        local.get $tmp.i64.8
        i64.ge_s
        br_if 1
        local.get $tmp.i32.10
        local.get $tmp.i64.9
        i32.wrap_i64
        i32.const 3
        i32.shl
        i32.add
        i32.load
        local.set $s
        block
          local.get $total
          local.get $s
          i32.load offset=4
          i32.const 1073741823
          i32.and
          i64.extend_i32_u
          i64.add
          local.tee $tmp.i64.11
          i64.const 0
          i64.lt_s
          if
            i32.const 1
            global.set $__ml_error_code
            unreachable
          end
          local.get $tmp.i64.11
          local.set $total
        end
        local.get $tmp.i64.9
        i64.const 1
        i64.add
        local.set $tmp.i64.9
        br 0
      end
    end
    local.get $total
    return
    unreachable
  )
  (func $doubler.impl (param $s i32) (result i32)
    (local $r i32)
    (local $c i32)
    (local $tmp.i32.3 i32)
    (local $tmp.i32.4 i32)
    (local $tmp.i32.5 i32)
    (local $tmp.i32.6 i32)
    (local $tmp.i32.7 i32)
    (local $tmp.i32.8 i32)
    (local $tmp.i32.9 i32)
    local.get $s
    local.set $r
    local.get $r
    local.tee $tmp.i32.3
    i32.load
    local.get $tmp.i32.3
    i32.const 8
    i32.add
    local.tee $tmp.i32.3
    i32.add
    local.set $tmp.i32.4
    block
      loop
        i32.const 0
        i32.atomic.load offset=8
        if
          i32.const 9
          global.set $__ml_error_code
          unreachable
        end
        local.get $tmp.i32.3
        local.get $tmp.i32.4
        i32.ge_u
        br_if 1
        local.get $tmp.i32.3
        i32.load8_u
        local.tee $tmp.i32.6
        i32.const 128
        i32.lt_u
        if (result i32)
          local.get $tmp.i32.6
          i32.const 16
          i32.mul
          i32.const 16
          i32.add
        else
          local.get $tmp.i32.3
          call $__ml_char_at
        end
        local.set $c
        local.get $tmp.i32.3
        local.get $tmp.i32.6
        local.tee $tmp.i32.7
        i32.const 192
        i32.ge_u
        i32.const 1
        i32.add
        local.get $tmp.i32.7
        i32.const 224
        i32.ge_u
        i32.add
        local.get $tmp.i32.7
        i32.const 240
        i32.ge_u
        i32.add
        i32.add
        local.set $tmp.i32.3
        block
          local.get $c
          local.set $tmp.i32.7
          local.get $r
          i32.load
          local.get $r
          i32.add
          i32.const 8
          i32.add
          local.set $tmp.i32.8
          local.get $tmp.i32.7
          i32.load
          i32.const 1
          i32.eq
          local.get $r
          i32.load offset=4
          i32.const 1073741824
          i32.and
          i32.const 0
          i32.ne
          i32.and
          global.get $__ml_heap
          i32.const 7
          i32.add
          i32.const -8
          i32.and
          i32.const 1
          i32.sub
          local.get $tmp.i32.8
          i32.sub
          i32.const 7
          i32.lt_u
          i32.and
          if (result i32)
            local.get $r
            i32.load offset=4
            i32.const 1073741823
            i32.and
            i32.const 1
            i32.add
            local.tee $tmp.i32.9
            i32.const 268435456
            i32.gt_u
            if
              i32.const 6
              global.set $__ml_error_code
              unreachable
            end
            local.get $tmp.i32.8
            local.get $tmp.i32.7
            i32.load8_u offset=8
            i32.store8
            local.get $tmp.i32.8
            i32.const 1
            i32.add
            global.get $__ml_heap
            local.get $tmp.i32.8
            i32.const 1
            i32.add
            global.get $__ml_heap
            i32.gt_u
            select
            global.set $__ml_heap
            local.get $r
            local.get $r
            i32.load
            i32.const 1
            i32.add
            i32.store
            local.get $r
            local.get $tmp.i32.9
            i32.const 1073741824
            i32.or
            i32.store offset=4
            local.get $r
          else
            local.get $r
            local.get $tmp.i32.7
            i32.const 0
            call $__ml_str_append
          end
          local.set $r
        end
        br 0
      end
    end
    local.get $r
    local.get $r
    i32.load offset=4
    i32.const -1073741825
    i32.and
    i32.store offset=4
    local.get $r
    return
    unreachable
  )
  (func $"code_à.impl" (param $s i32) (param $i i64) (result i64)
    (local $tmp.i32.2 i32)
    (local $tmp.i64.3 i64)
    (local $tmp.i64.4 i64)
    local.get $s
    local.set $tmp.i32.2
    local.get $i
    local.set $tmp.i64.3
    local.get $tmp.i32.2
    i32.load
    local.get $tmp.i32.2
    i32.load offset=4
    i32.const 1073741823
    i32.and
    i32.eq
    if (result i64)
      local.get $tmp.i64.3
      local.get $tmp.i64.3
      i64.const 63
      i64.shr_s
      local.get $tmp.i32.2
      i32.load offset=4
      i32.const 1073741823
      i32.and
      i64.extend_i32_u
      i64.and
      i64.add
      local.set $tmp.i64.4
      local.get $tmp.i64.4
      local.get $tmp.i32.2
      i32.load offset=4
      i32.const 1073741823
      i32.and
      i64.extend_i32_u
      i64.ge_u
      if
        i32.const 3
        global.set $__ml_error_code
        unreachable
      end
      local.get $tmp.i32.2
      local.get $tmp.i64.4
      i32.wrap_i64
      i32.add
      i32.load8_u offset=8
      i64.extend_i32_u
    else
      local.get $tmp.i32.2
      local.get $tmp.i64.3
      call $__ml_ord_at
    end
    return
    unreachable
  )
  (func $__ml_error (export "__ml_error") (result i32)
    global.get $__ml_error_code
  )
  (func $__ml_str_at (param $s i32) (param $i i64) (result i32)
    local.get $s
    local.get $i
    call $__ml_str_pos
    call $__ml_char_at
  )
  (func $__ml_str_pos (param $s i32) (param $i i64) (result i32)
    (local $p i32)
    (local $k i32)
    local.get $i
    i64.const 0
    i64.lt_s
    if
      local.get $i
      local.get $s
      i32.load offset=4
      i32.const 1073741823
      i32.and
      i64.extend_i32_u
      i64.add
      local.set $i
    end
    local.get $i
    local.get $s
    i32.load offset=4
    i32.const 1073741823
    i32.and
    i64.extend_i32_u
    i64.ge_u
    if
      i32.const 3
      global.set $__ml_error_code
      unreachable
    end
    local.get $s
    i32.const 8
    i32.add
    local.set $p
    local.get $s
    i32.load
    local.get $s
    i32.load offset=4
    i32.const 1073741823
    i32.and
    i32.eq
    if
      local.get $p
      local.get $i
      i32.wrap_i64
      i32.add
      return
    end
    local.get $i
    i32.wrap_i64
    i32.const 1
    i32.add
    local.set $k
    block
      local.get $s
      global.get $__ml_pos_str
      i32.eq
      if
        local.get $p
        global.get $__ml_pos_off
        i32.add
        local.set $p
        local.get $i
        i32.wrap_i64
        global.get $__ml_pos_idx
        i32.ge_u
        if
          local.get $i
          i32.wrap_i64
          global.get $__ml_pos_idx
          i32.sub
          i32.const 1
          i32.add
          local.set $k
        else
          global.get $__ml_pos_idx
          local.get $i
          i32.wrap_i64
          i32.sub
          local.set $k
          loop
            local.get $k
            local.get $p
            i32.const 1
            i32.sub
            local.tee $p
            i32.load8_u
            i32.const 192
            i32.and
            i32.const 128
            i32.ne
            i32.sub
            local.tee $k
            br_if 0
          end
          br 2
        end
      end
      loop
        local.get $k
        local.get $p
        i32.load8_u
        i32.const 192
        i32.and
        i32.const 128
        i32.ne
        i32.sub
        local.tee $k
        if
          local.get $p
          i32.const 1
          i32.add
          local.set $p
          br 1
        end
      end
    end
    local.get $s
    global.set $__ml_pos_str
    local.get $i
    i32.wrap_i64
    global.set $__ml_pos_idx
    local.get $p
    local.get $s
    i32.sub
    i32.const 8
    i32.sub
    global.set $__ml_pos_off
    local.get $p
  )
  (func $__ml_char_at (param $p i32) (result i32)
    (local $c i32)
    (local $k i32)
    (local $r i32)
    (local $tmp.i32.4 i32)
    local.get $p
    i32.load8_u
    local.set $c
    local.get $c
    i32.const 128
    i32.lt_u
    if
      local.get $c
      i32.const 16
      i32.mul
      i32.const 16
      i32.add
      return
    end
    local.get $c
    local.tee $tmp.i32.4
    i32.const 192
    i32.ge_u
    i32.const 1
    i32.add
    local.get $tmp.i32.4
    i32.const 224
    i32.ge_u
    i32.add
    local.get $tmp.i32.4
    i32.const 240
    i32.ge_u
    i32.add
    local.tee $k
    i32.const 1
    call $__ml_str_alloc
    local.tee $r
    i32.const 8
    i32.add
    local.get $p
    local.get $k
    memory.copy
    local.get $r
  )
  (func $__ml_str_alloc (param $nbytes i32) (param $count i32) (result i32)
    (local $p i32)
    local.get $count
    i32.const 268435456
    i32.gt_u
    if
      i32.const 6
      global.set $__ml_error_code
      unreachable
    end
    local.get $nbytes
    i64.extend_i32_u
    i64.const 8
    i64.add
    call $__ml_new
    local.tee $p
    local.get $nbytes
    i32.store
    local.get $p
    local.get $count
    i32.store offset=4
    local.get $p
  )
  (func $__ml_new (param $n i64) (result i32)
    (local $p i32)
    (local $end i64)
    (local $need i32)
    global.get $__ml_heap
    i32.const 7
    i32.add
    i32.const -8
    i32.and
    local.tee $p
    i64.extend_i32_u
    local.get $n
    i64.add
    local.tee $end
    i64.const 4294967296
    i64.gt_u
    if
      i32.const 6
      global.set $__ml_error_code
      unreachable
    end
    local.get $end
    i64.const 65535
    i64.add
    i64.const 16
    i64.shr_u
    i32.wrap_i64
    memory.size
    i32.sub
    local.tee $need
    i32.const 0
    i32.gt_s
    if
      local.get $need
      memory.grow
      i32.const -1
      i32.eq
      if
        i32.const 6
        global.set $__ml_error_code
        unreachable
      end
    end
    local.get $end
    i32.wrap_i64
    global.set $__ml_heap
    local.get $p
  )
  (func $__ml_str_eq (param $a i32) (param $b i32) (result i32)
    local.get $a
    local.get $b
    i32.eq
    if
      i32.const 1
      return
    end
    local.get $a
    i32.load
    local.get $b
    i32.load
    i32.ne
    if
      i32.const 0
      return
    end
    local.get $a
    i32.const 8
    i32.add
    local.get $b
    i32.const 8
    i32.add
    local.get $a
    i32.load
    call $__ml_bytes_eq
  )
  (func $__ml_bytes_eq (param $p i32) (param $q i32) (param $n i32) (result i32)
    block
      loop
        local.get $n
        i32.const 8
        i32.lt_u
        br_if 1
        local.get $p
        i64.load
        local.get $q
        i64.load
        i64.ne
        if
          i32.const 0
          return
        end
        local.get $p
        i32.const 8
        i32.add
        local.set $p
        local.get $q
        i32.const 8
        i32.add
        local.set $q
        local.get $n
        i32.const 8
        i32.sub
        local.set $n
        br 0
      end
    end
    block
      loop
        local.get $n
        i32.const 1
        i32.lt_u
        br_if 1
        local.get $p
        i32.load8_u
        local.get $q
        i32.load8_u
        i32.ne
        if
          i32.const 0
          return
        end
        local.get $p
        i32.const 1
        i32.add
        local.set $p
        local.get $q
        i32.const 1
        i32.add
        local.set $q
        local.get $n
        i32.const 1
        i32.sub
        local.set $n
        br 0
      end
    end
    i32.const 1
  )
  (func $__ml_str_cmp (param $a i32) (param $b i32) (result i32)
    (local $i i32)
    (local $n i32)
    (local $x i32)
    (local $y i32)
    local.get $a
    i32.load
    local.get $b
    i32.load
    local.get $a
    i32.load
    local.get $b
    i32.load
    i32.lt_u
    select
    local.set $n
    block
      loop
        local.get $i
        local.get $n
        i32.ge_u
        br_if 1
        local.get $a
        local.get $i
        i32.add
        i32.load8_u offset=8
        local.tee $x
        local.get $b
        local.get $i
        i32.add
        i32.load8_u offset=8
        local.tee $y
        i32.ne
        if
          local.get $x
          local.get $y
          i32.sub
          return
        end
        local.get $i
        i32.const 1
        i32.add
        local.set $i
        br 0
      end
    end
    local.get $a
    i32.load
    local.get $b
    i32.load
    i32.sub
  )
  (func $__ml_str_cat (param $a i32) (param $b i32) (result i32)
    (local $r i32)
    (local $na i32)
    local.get $b
    i32.load
    i32.eqz
    if
      local.get $a
      return
    end
    local.get $a
    i32.load
    i32.eqz
    if
      local.get $b
      return
    end
    local.get $a
    i32.load
    local.tee $na
    local.get $b
    i32.load
    i32.add
    local.get $a
    i32.load offset=4
    i32.const 1073741823
    i32.and
    local.get $b
    i32.load offset=4
    i32.const 1073741823
    i32.and
    i32.add
    call $__ml_str_alloc
    local.tee $r
    i32.const 8
    i32.add
    local.get $a
    i32.const 8
    i32.add
    local.get $na
    memory.copy
    local.get $r
    i32.const 8
    i32.add
    local.get $na
    i32.add
    local.get $b
    i32.const 8
    i32.add
    local.get $b
    i32.load
    memory.copy
    local.get $r
  )
  (func $__ml_str_repeat (param $s i32) (param $n i64) (result i32)
    (local $r i32)
    (local $d i32)
    (local $total i32)
    (local $done i32)
    (local $c i32)
    local.get $n
    i64.const 0
    i64.le_s
    local.get $s
    i32.load
    i32.eqz
    i32.or
    if
      i32.const 2064
      return
    end
    local.get $n
    i64.const 1
    i64.eq
    if
      local.get $s
      return
    end
    local.get $n
    i64.const 268435456
    local.get $s
    i32.load offset=4
    i32.const 1073741823
    i32.and
    i64.extend_i32_u
    i64.div_u
    i64.gt_u
    if
      i32.const 6
      global.set $__ml_error_code
      unreachable
    end
    local.get $s
    i32.load
    local.get $n
    i32.wrap_i64
    i32.mul
    local.tee $total
    local.get $s
    i32.load offset=4
    i32.const 1073741823
    i32.and
    local.get $n
    i32.wrap_i64
    i32.mul
    call $__ml_str_alloc
    local.tee $r
    i32.const 8
    i32.add
    local.tee $d
    local.get $s
    i32.const 8
    i32.add
    local.get $s
    i32.load
    local.tee $done
    memory.copy
    block
      loop
        local.get $done
        local.get $total
        i32.ge_u
        br_if 1
        local.get $total
        local.get $done
        i32.sub
        local.tee $c
        local.get $done
        local.get $done
        local.get $c
        i32.gt_u
        select
        local.set $c
        local.get $d
        local.get $done
        i32.add
        local.get $d
        local.get $c
        memory.copy
        local.get $done
        local.get $c
        i32.add
        local.set $done
        br 0
      end
    end
    local.get $r
  )
  (func $__ml_str_in (param $needle i32) (param $hay i32) (result i32)
    (local $m i32)
    (local $base i32)
    (local $last i32)
    local.get $needle
    i32.load
    local.tee $m
    local.get $hay
    i32.load
    i32.gt_u
    if
      i32.const 0
      return
    end
    local.get $m
    i32.eqz
    if
      i32.const 1
      return
    end
    local.get $hay
    i32.const 8
    i32.add
    local.tee $base
    local.get $hay
    i32.load
    i32.add
    local.get $m
    i32.sub
    local.set $last
    local.get $base
    local.get $last
    local.get $needle
    call $__ml_str_next
    local.get $last
    i32.le_u
  )
  (func $__ml_str_next (param $p i32) (param $last i32) (param $needle i32) (result i32)
    (local $first i32)
    (local $m i32)
    (local $nb i32)
    (local $end i32)
    (local $pattern i64)
    (local $t i64)
    local.get $needle
    i32.const 8
    i32.add
    local.tee $nb
    i32.load8_u
    local.set $first
    local.get $needle
    i32.load
    local.set $m
    local.get $last
    local.get $m
    i32.add
    local.set $end
    local.get $first
    i64.extend_i32_u
    i64.const 72340172838076673
    i64.mul
    local.set $pattern
    block
      loop
        local.get $p
        local.get $end
        i32.gt_u
        local.get $end
        local.get $p
        i32.sub
        i32.const 8
        i32.lt_u
        i32.or
        br_if 1
        local.get $p
        i64.load
        local.get $pattern
        i64.xor
        local.tee $t
        i64.const 72340172838076673
        i64.sub
        local.get $t
        i64.const -1
        i64.xor
        i64.and
        i64.const -9187201950435737472
        i64.and
        local.tee $t
        i64.eqz
        if
          local.get $p
          i32.const 8
          i32.add
          local.set $p
          br 1
        end
        local.get $p
        local.get $t
        i64.ctz
        i32.wrap_i64
        i32.const 3
        i32.shr_u
        i32.add
        local.tee $p
        local.get $last
        i32.gt_u
        if
          local.get $p
          return
        end
        local.get $p
        local.get $nb
        local.get $m
        call $__ml_bytes_eq
        if
          local.get $p
          return
        end
        local.get $p
        i32.const 1
        i32.add
        local.set $p
        br 0
      end
    end
    block
      loop
        local.get $p
        local.get $last
        i32.gt_u
        br_if 1
        local.get $p
        i32.load8_u
        local.get $first
        i32.eq
        if
          local.get $p
          local.get $nb
          local.get $m
          call $__ml_bytes_eq
          if
            local.get $p
            return
          end
        end
        local.get $p
        i32.const 1
        i32.add
        local.set $p
        br 0
      end
    end
    local.get $p
  )
  (func $__ml_ord (param $s i32) (result i64)
    local.get $s
    i32.load offset=4
    i32.const 1073741823
    i32.and
    i32.const 1
    i32.ne
    if
      i32.const 8
      global.set $__ml_error_code
      unreachable
    end
    local.get $s
    i32.const 8
    i32.add
    call $__ml_decode
  )
  (func $__ml_decode (param $p i32) (result i64)
    (local $b0 i32)
    (local $k i32)
    (local $cp i32)
    (local $j i32)
    (local $tmp.i32.5 i32)
    local.get $p
    i32.load8_u
    local.tee $b0
    local.tee $tmp.i32.5
    i32.const 192
    i32.ge_u
    i32.const 1
    i32.add
    local.get $tmp.i32.5
    i32.const 224
    i32.ge_u
    i32.add
    local.get $tmp.i32.5
    i32.const 240
    i32.ge_u
    i32.add
    local.set $k
    local.get $b0
    i32.const 255
    local.get $k
    local.get $k
    i32.const 1
    i32.gt_u
    i32.add
    i32.shr_u
    i32.and
    local.set $cp
    i32.const 1
    local.set $j
    block
      loop
        local.get $j
        local.get $k
        i32.ge_u
        br_if 1
        local.get $cp
        i32.const 6
        i32.shl
        local.get $p
        local.get $j
        i32.add
        i32.load8_u
        i32.const 63
        i32.and
        i32.or
        local.set $cp
        local.get $j
        i32.const 1
        i32.add
        local.set $j
        br 0
      end
    end
    local.get $cp
    i64.extend_i32_u
  )
  (func $__ml_chr (param $i i64) (result i32)
    (local $c i32)
    (local $k i32)
    (local $r i32)
    (local $j i32)
    local.get $i
    i64.const 2147483648
    i64.add
    i64.const 4294967296
    i64.ge_u
    if
      i32.const 1
      global.set $__ml_error_code
      unreachable
    end
    local.get $i
    i64.const 1114111
    i64.gt_u
    if
      i32.const 4
      global.set $__ml_error_code
      unreachable
    end
    local.get $i
    i32.wrap_i64
    local.set $c
    local.get $c
    i32.const 128
    i32.lt_u
    if
      local.get $c
      i32.const 16
      i32.mul
      i32.const 16
      i32.add
      return
    end
    i32.const 2
    local.get $c
    i32.const 2048
    i32.ge_u
    i32.add
    local.get $c
    i32.const 65536
    i32.ge_u
    i32.add
    local.tee $k
    i32.const 1
    call $__ml_str_alloc
    local.set $r
    local.get $k
    local.set $j
    block
      loop
        local.get $j
        i32.const 1
        i32.sub
        local.tee $j
        i32.eqz
        br_if 1
        local.get $r
        local.get $j
        i32.add
        local.get $c
        i32.const 63
        i32.and
        i32.const 128
        i32.or
        i32.store8 offset=8
        local.get $c
        i32.const 6
        i32.shr_u
        local.set $c
        br 0
      end
    end
    local.get $r
    i32.const 3840
    i32.const 4
    local.get $k
    i32.sub
    i32.shl
    i32.const 4
    i32.shr_u
    i32.const 240
    i32.and
    local.get $c
    i32.or
    i32.store8 offset=8
    local.get $r
  )
  (func $__ml_str_int (param $v i64) (result i32)
    (local $u i64)
    (local $t i64)
    (local $n i32)
    (local $r i32)
    (local $p i32)
    i64.const 0
    local.get $v
    i64.sub
    local.get $v
    local.get $v
    i64.const 0
    i64.lt_s
    select
    local.tee $u
    local.set $t
    local.get $v
    i64.const 0
    i64.lt_s
    i32.const 1
    i32.add
    local.set $n
    block
      loop
        local.get $t
        i64.const 10
        i64.lt_u
        br_if 1
        local.get $t
        i64.const 10
        i64.div_u
        local.set $t
        local.get $n
        i32.const 1
        i32.add
        local.set $n
        br 0
      end
    end
    local.get $n
    local.get $n
    call $__ml_str_alloc
    local.tee $r
    local.get $n
    i32.add
    local.set $p
    loop
      local.get $p
      i32.const 1
      i32.sub
      local.tee $p
      local.get $u
      i64.const 10
      i64.rem_u
      i32.wrap_i64
      i32.const 48
      i32.add
      i32.store8 offset=8
      local.get $u
      i64.const 10
      i64.div_u
      local.tee $u
      i64.const 0
      i64.ne
      br_if 0
    end
    local.get $v
    i64.const 0
    i64.lt_s
    if
      local.get $r
      i32.const 45
      i32.store8 offset=8
    end
    local.get $r
  )
  (func $__ml_char_into (param $p i32) (param $scratch i32) (result i32)
    (local $c i32)
    (local $k i32)
    (local $tmp.i32.4 i32)
    local.get $p
    i32.load8_u
    local.set $c
    local.get $c
    i32.const 128
    i32.lt_u
    if
      local.get $c
      i32.const 16
      i32.mul
      i32.const 16
      i32.add
      return
    end
    local.get $scratch
    local.get $c
    local.tee $tmp.i32.4
    i32.const 192
    i32.ge_u
    i32.const 1
    i32.add
    local.get $tmp.i32.4
    i32.const 224
    i32.ge_u
    i32.add
    local.get $tmp.i32.4
    i32.const 240
    i32.ge_u
    i32.add
    local.tee $k
    i32.store
    local.get $scratch
    i32.const 8
    i32.add
    local.get $p
    local.get $k
    memory.copy
    local.get $scratch
  )
  (func $__ml_list (param $n i64) (result i32)
    (local $p i32)
    local.get $n
    i64.const 0
    local.get $n
    i64.const 0
    i64.gt_s
    select
    local.tee $n
    i64.const 268435456
    i64.gt_s
    if
      i32.const 6
      global.set $__ml_error_code
      unreachable
    end
    local.get $n
    i64.const 3
    i64.shl
    i64.const 16
    i64.add
    call $__ml_new
    local.tee $p
    local.get $n
    i32.wrap_i64
    i32.store
    local.get $p
    local.get $n
    i32.wrap_i64
    i32.store offset=4
    local.get $p
    local.get $p
    i32.const 16
    i32.add
    i32.store offset=8
    local.get $p
  )
  (func $__ml_grow (param $l i32)
    (local $n i32)
    (local $cap i32)
    (local $data i32)
    local.get $l
    i32.load
    local.set $n
    local.get $n
    i32.const 268435456
    i32.ge_u
    if
      i32.const 6
      global.set $__ml_error_code
      unreachable
    end
    local.get $n
    i32.const 1
    i32.shl
    local.tee $cap
    i32.const 4
    local.get $cap
    i32.const 4
    i32.gt_u
    select
    local.set $cap
    local.get $cap
    i64.extend_i32_u
    i64.const 3
    i64.shl
    call $__ml_new
    local.tee $data
    local.get $l
    i32.load offset=8
    local.get $n
    i32.const 3
    i32.shl
    memory.copy
    local.get $l
    local.get $data
    i32.store offset=8
    local.get $l
    local.get $cap
    i32.store offset=4
  )
  (func $__ml_str_append (param $r i32) (param $x i32) (param $fresh i32) (result i32)
    (local $nb i32)
    (local $m i32)
    (local $count i32)
    (local $end i64)
    (local $n i32)
    (local $tmp.i32.8 i32)
    (local $tmp.i32.9 i32)
    (local $tmp.i32.10 i32)
    local.get $x
    i32.load
    local.tee $m
    i32.eqz
    if
      local.get $r
      return
    end
    local.get $r
    i32.load
    local.set $nb
    local.get $r
    i32.load offset=4
    i32.const 1073741823
    i32.and
    local.get $x
    i32.load offset=4
    i32.const 1073741823
    i32.and
    i32.add
    local.tee $count
    i32.const 268435456
    i32.gt_u
    if
      i32.const 6
      global.set $__ml_error_code
      unreachable
    end
    local.get $r
    i32.load offset=4
    i32.const 1073741824
    i32.and
    if
      local.get $fresh
      local.get $r
      local.get $nb
      i32.add
      i32.const 8
      i32.add
      i32.const 7
      i32.add
      i32.const -8
      i32.and
      local.get $x
      i32.eq
      i32.and
      local.get $x
      local.get $m
      i32.add
      i32.const 8
      i32.add
      global.get $__ml_heap
      i32.eq
      i32.and
      if
        local.get $m
        i32.const 4
        i32.le_u
        if
          local.get $r
          local.get $nb
          i32.add
          i32.const 8
          i32.add
          local.set $tmp.i32.8
          local.get $x
          i32.const 8
          i32.add
          local.tee $tmp.i32.9
          local.get $m
          i32.add
          local.set $tmp.i32.10
          block
            loop
              local.get $tmp.i32.9
              local.get $tmp.i32.10
              i32.ge_u
              br_if 1
              local.get $tmp.i32.8
              local.get $tmp.i32.9
              i32.load8_u
              i32.store8
              local.get $tmp.i32.8
              i32.const 1
              i32.add
              local.set $tmp.i32.8
              local.get $tmp.i32.9
              i32.const 1
              i32.add
              local.set $tmp.i32.9
              br 0
            end
          end
        else
          local.get $r
          local.get $nb
          i32.add
          i32.const 8
          i32.add
          local.get $x
          i32.const 8
          i32.add
          local.get $m
          memory.copy
        end
        local.get $r
        local.get $nb
        local.get $m
        i32.add
        i32.add
        i32.const 8
        i32.add
        global.set $__ml_heap
        local.get $r
        local.get $nb
        local.get $m
        i32.add
        i32.store
        local.get $r
        local.get $count
        i32.const 1073741824
        i32.or
        i32.store offset=4
        local.get $r
        return
      end
      local.get $r
      local.get $nb
      i32.add
      i32.const 8
      i32.add
      i32.const 7
      i32.add
      i32.const -8
      i32.and
      global.get $__ml_heap
      i32.const 7
      i32.add
      i32.const -8
      i32.and
      i32.eq
      if
        local.get $r
        i64.extend_i32_u
        local.get $nb
        i64.extend_i32_u
        i64.add
        local.get $m
        i64.extend_i32_u
        i64.add
        i64.const 8
        i64.add
        global.get $__ml_heap
        i32.const 7
        i32.add
        i32.const -8
        i32.and
        i64.extend_i32_u
        i64.sub
        local.tee $end
        i64.const 0
        i64.gt_s
        if
          local.get $end
          call $__ml_new
          drop
        else
          local.get $r
          local.get $nb
          local.get $m
          i32.add
          i32.add
          i32.const 8
          i32.add
          local.tee $n
          global.get $__ml_heap
          i32.gt_u
          if
            local.get $n
            global.set $__ml_heap
          end
        end
        local.get $m
        i32.const 4
        i32.le_u
        if
          local.get $r
          local.get $nb
          i32.add
          i32.const 8
          i32.add
          local.set $tmp.i32.10
          local.get $x
          i32.const 8
          i32.add
          local.tee $tmp.i32.9
          local.get $m
          i32.add
          local.set $tmp.i32.8
          block
            loop
              local.get $tmp.i32.9
              local.get $tmp.i32.8
              i32.ge_u
              br_if 1
              local.get $tmp.i32.10
              local.get $tmp.i32.9
              i32.load8_u
              i32.store8
              local.get $tmp.i32.10
              i32.const 1
              i32.add
              local.set $tmp.i32.10
              local.get $tmp.i32.9
              i32.const 1
              i32.add
              local.set $tmp.i32.9
              br 0
            end
          end
        else
          local.get $r
          local.get $nb
          i32.add
          i32.const 8
          i32.add
          local.get $x
          i32.const 8
          i32.add
          local.get $m
          memory.copy
        end
        local.get $r
        local.get $nb
        local.get $m
        i32.add
        i32.store
        local.get $r
        local.get $count
        i32.const 1073741824
        i32.or
        i32.store offset=4
        local.get $r
        return
      end
    end
    local.get $nb
    local.get $m
    i32.add
    local.get $count
    call $__ml_str_alloc
    local.tee $n
    i32.const 8
    i32.add
    local.get $r
    i32.const 8
    i32.add
    local.get $nb
    memory.copy
    local.get $n
    local.get $nb
    i32.add
    i32.const 8
    i32.add
    local.get $x
    i32.const 8
    i32.add
    local.get $m
    memory.copy
    local.get $n
    local.get $count
    i32.const 1073741824
    i32.or
    i32.store offset=4
    local.get $n
  )
  (func $__ml_ord_at (param $s i32) (param $i i64) (result i64)
    local.get $s
    local.get $i
    call $__ml_str_pos
    call $__ml_decode
  )
  (func $taille (export "taille") (param $s i32) (result i64)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $s
    call $taille.impl
  )
  (func $lettre (export "lettre") (param $s i32) (param $i i64) (result i32)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $s
    local.get $i
    call $lettre.impl
  )
  (func $compare (export "compare") (param $a i32) (param $b i32) (result i64)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $a
    local.get $b
    call $compare.impl
  )
  (func $ordre (export "ordre") (param $a i32) (param $b i32) (result i64)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $a
    local.get $b
    call $ordre.impl
  )
  (func $joindre (export "joindre") (param $a i32) (param $b i32) (result i32)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $a
    local.get $b
    call $joindre.impl
  )
  (func $"répéter" (export "répéter") (param $s i32) (param $n i64) (result i32)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $s
    local.get $n
    call $"répéter.impl"
  )
  (func $contient (export "contient") (param $aiguille i32) (param $meule i32) (result i32)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $aiguille
    local.get $meule
    call $contient.impl
  )
  (func $absent (export "absent") (param $aiguille i32) (param $meule i32) (result i32)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $aiguille
    local.get $meule
    call $absent.impl
  )
  (func $codes (export "codes") (param $s i32) (result i64)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $s
    call $codes.impl
  )
  (func $hachage (export "hachage") (param $s i32) (result i64)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $s
    call $hachage.impl
  )
  (func $inverse (export "inverse") (param $s i32) (result i32)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $s
    call $inverse.impl
  )
  (func $code (export "code") (param $s i32) (result i64)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $s
    call $code.impl
  )
  (func $car (export "car") (param $n i64) (result i32)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $n
    call $car.impl
  )
  (func $texte (export "texte") (param $n i64) (result i32)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $n
    call $texte.impl
  )
  (func $voyelles (export "voyelles") (param $s i32) (result i64)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $s
    call $voyelles.impl
  )
  (func $vide (export "vide") (param $s i32) (result i32)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $s
    call $vide.impl
  )
  (func $choix (export "choix") (param $a i32) (param $b i32) (result i32)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $a
    local.get $b
    call $choix.impl
  )
  (func $parmi (export "parmi") (param $s i32) (param $n i64) (result i64)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $s
    local.get $n
    call $parmi.impl
  )
  (func $construire (export "construire") (param $n i64) (result i32)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $n
    call $construire.impl
  )
  (func $alias (export "alias") (param $n i64) (result i32)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $n
    call $alias.impl
  )
  (func $dans_liste (export "dans_liste") (param $n i64) (result i64)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $n
    call $dans_liste.impl
  )
  (func $doubler (export "doubler") (param $s i32) (result i32)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $s
    call $doubler.impl
  )
  (func $"code_à" (export "code_à") (param $s i32) (param $i i64) (result i64)
    global.get $__ml_argtop
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
    i32.const 0
    global.set $__ml_pos_str
    local.get $s
    local.get $i
    call $"code_à.impl"
  )
  (func $__ml_alloc (export "__ml_alloc") (param $nbytes i32) (result i32)
    local.get $nbytes
    i64.extend_i32_u
    call $__ml_new
    global.get $__ml_heap
    global.set $__ml_argtop
  )
  (func $__ml_reset (export "__ml_reset")
    i32.const 2216
    global.set $__ml_heap
    i32.const 2216
    global.set $__ml_argtop
  )
  (data (i32.const 16) "\01\00\00\00\01\00\00\00\00\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\01\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\02\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\03\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\04\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\05\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\06\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\07\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\08\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\09\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\0a\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\0b\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\0c\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\0d\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\0e\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\0f\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\10\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\11\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\12\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\13\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\14\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\15\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\16\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\17\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\18\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\19\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\1a\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\1b\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\1c\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\1d\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\1e\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\1f\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00 \00\00\00\00\00\00\00\01\00\00\00\01\00\00\00!\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\22\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00#\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00$\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00%\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00&\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00'\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00(\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00)\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00*\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00+\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00,\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00-\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00.\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00/\00\00\00\00\00\00\00\01\00\00\00\01\00\00\000\00\00\00\00\00\00\00\01\00\00\00\01\00\00\001\00\00\00\00\00\00\00\01\00\00\00\01\00\00\002\00\00\00\00\00\00\00\01\00\00\00\01\00\00\003\00\00\00\00\00\00\00\01\00\00\00\01\00\00\004\00\00\00\00\00\00\00\01\00\00\00\01\00\00\005\00\00\00\00\00\00\00\01\00\00\00\01\00\00\006\00\00\00\00\00\00\00\01\00\00\00\01\00\00\007\00\00\00\00\00\00\00\01\00\00\00\01\00\00\008\00\00\00\00\00\00\00\01\00\00\00\01\00\00\009\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00:\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00;\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00<\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00=\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00>\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00?\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00@\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00A\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00B\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00C\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00D\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00E\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00F\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00G\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00H\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00I\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00J\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00K\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00L\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00M\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00N\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00O\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00P\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00Q\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00R\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00S\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00T\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00U\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00V\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00W\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00X\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00Y\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00Z\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00[\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\5c\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00]\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00^\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00_\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00`\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00a\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00b\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00c\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00d\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00e\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00f\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00g\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00h\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00i\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00j\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00k\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00l\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00m\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00n\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00o\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00p\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00q\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00r\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00s\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00t\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00u\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00v\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00w\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00x\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00y\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00z\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00{\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00|\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00}\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00~\00\00\00\00\00\00\00\01\00\00\00\01\00\00\00\7f\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\01\00\00\00\1f\00\00\00\c1\03\00\00_t\00\00\81\17\0e\00\9fش\01A;\e64\df,\e1g\04\00\00\00\04\00\00\00True\00\00\00\00\05\00\00\00\05\00\00\00False\00\00\00\02\00\00\00\01\00\00\00é\00\00\00\00\00\00\05\00\00\00\04\00\00\00zéro\00\00\00\02\00\00\00\02\00\00\00un\00\00\00\00\00\00\04\00\00\00\04\00\00\00deux\00\00\00\00\02\00\00\00\02\00\00\00ab\00\00\00\00\00\00")
)
