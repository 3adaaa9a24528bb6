(module
  (memory (export "memory") 1)
  (global $__ml_error_code (mut i32) (i32.const 0))
  (global $__ml_interrupt (export "__ml_interrupt") i32 (i32.const 8))
  (func $mix (export "mix") (param $a i64) (param $b i64) (param $x f64) (result f64)
    (local $q i64)
    (local $tmp.i64.4 i64)
    (local $tmp.i64.5 i64)
    (local $tmp.i64.6 i64)
    (local $tmp.f64.7 f64)
    local.get $a
    local.get $b
    local.set $tmp.i64.5
    local.tee $tmp.i64.4
    local.get $tmp.i64.5
    i64.div_s
    local.tee $tmp.i64.6
    local.get $tmp.i64.4
    local.get $tmp.i64.6
    local.get $tmp.i64.5
    i64.mul
    i64.sub
    i64.const 0
    i64.ne
    local.get $tmp.i64.4
    local.get $tmp.i64.5
    i64.xor
    i64.const 0
    i64.lt_s
    i32.and
    i64.extend_i32_u
    i64.sub
    local.get $a
    local.get $b
    local.set $tmp.i64.6
    local.get $tmp.i64.6
    i64.rem_s
    local.tee $tmp.i64.5
    local.get $tmp.i64.6
    i64.add
    local.get $tmp.i64.5
    local.get $tmp.i64.5
    i64.const 0
    i64.ne
    local.get $tmp.i64.5
    local.get $tmp.i64.6
    i64.xor
    i64.const 0
    i64.lt_s
    i32.and
    select
    local.set $tmp.i64.6
    local.tee $tmp.i64.5
    local.get $tmp.i64.6
    i64.add
    local.set $tmp.i64.4
    local.get $tmp.i64.5
    local.get $tmp.i64.4
    i64.xor
    local.get $tmp.i64.6
    local.get $tmp.i64.4
    i64.xor
    i64.and
    i64.const 0
    i64.lt_s
    if
      i32.const 1
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i64.4
    local.get $a
    i64.const 3
    call $__ml_ipow
    local.set $tmp.i64.6
    local.tee $tmp.i64.4
    local.get $tmp.i64.6
    i64.sub
    local.set $tmp.i64.5
    local.get $tmp.i64.4
    local.get $tmp.i64.6
    i64.xor
    local.get $tmp.i64.4
    local.get $tmp.i64.5
    i64.xor
    i64.and
    i64.const 0
    i64.lt_s
    if
      i32.const 1
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i64.5
    local.set $q
    local.get $q
    i64.const 2
    local.set $tmp.i64.6
    local.set $tmp.i64.5
    local.get $tmp.i64.6
    i64.eqz
    if
      i32.const 2
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i64.5
    i64.const 9007199254740992
    i64.add
    i64.const 18014398509481984
    i64.gt_u
    i32.eqz
    local.get $tmp.i64.6
    i64.const 9007199254740992
    i64.add
    i64.const 18014398509481984
    i64.gt_u
    i32.eqz
    i32.and
    i32.eqz
    if
      i32.const 7
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i64.5
    f64.convert_i64_s
    local.get $tmp.i64.6
    f64.convert_i64_s
    f64.div
    local.get $x
    local.tee $tmp.f64.7
    local.get $tmp.f64.7
    f64.add
    f64.add
    local.get $x
    f64.abs
    f64.sub
    return
    unreachable
  )
  (func $conv (export "conv") (param $x f64) (result i64)
    (local $tmp.f64.1 f64)
    (local $tmp.i64.2 i64)
    (local $tmp.i64.3 i64)
    (local $tmp.i64.4 i64)
    local.get $x
    f64.trunc
    local.tee $tmp.f64.1
    local.get $tmp.f64.1
    f64.ne
    if
      i32.const 4
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.f64.1
    f64.const -9.223372036854776e+18
    f64.ge
    local.get $tmp.f64.1
    f64.const 9.223372036854776e+18
    f64.lt
    i32.and
    i32.eqz
    if
      i32.const 1
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.f64.1
    i64.trunc_f64_s
    local.get $x
    f64.nearest
    local.tee $tmp.f64.1
    local.get $tmp.f64.1
    f64.ne
    if
      i32.const 4
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.f64.1
    f64.const -9.223372036854776e+18
    f64.ge
    local.get $tmp.f64.1
    f64.const 9.223372036854776e+18
    f64.lt
    i32.and
    i32.eqz
    if
      i32.const 1
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.f64.1
    i64.trunc_f64_s
    local.set $tmp.i64.3
    local.tee $tmp.i64.2
    local.get $tmp.i64.3
    i64.add
    local.set $tmp.i64.4
    local.get $tmp.i64.2
    local.get $tmp.i64.4
    i64.xor
    local.get $tmp.i64.3
    local.get $tmp.i64.4
    i64.xor
    i64.and
    i64.const 0
    i64.lt_s
    if
      i32.const 1
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i64.4
    i32.const 1
    i64.extend_i32_u
    local.set $tmp.i64.3
    local.tee $tmp.i64.4
    local.get $tmp.i64.3
    i64.add
    local.set $tmp.i64.2
    local.get $tmp.i64.4
    local.get $tmp.i64.2
    i64.xor
    local.get $tmp.i64.3
    local.get $tmp.i64.2
    i64.xor
    i64.and
    i64.const 0
    i64.lt_s
    if
      i32.const 1
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i64.2
    i32.const 1
    i64.extend_i32_u
    local.set $tmp.i64.3
    local.tee $tmp.i64.2
    local.get $tmp.i64.3
    i64.add
    local.set $tmp.i64.4
    local.get $tmp.i64.2
    local.get $tmp.i64.4
    i64.xor
    local.get $tmp.i64.3
    local.get $tmp.i64.4
    i64.xor
    i64.and
    i64.const 0
    i64.lt_s
    if
      i32.const 1
      global.set $__ml_error_code
      unreachable
    end
    local.get $tmp.i64.4
    return
    unreachable
  )
  (func $fold (export "fold") (result i64)
    i64.const -986
    return
    unreachable
  )
  (func $sign (export "sign") (param $x f64) (result i64)
    local.get $x
    f64.const 0.0
    f64.gt
    if
      i64.const 1
      return
    else
      local.get $x
      f64.const 0.0
      f64.lt
      if
        i64.const -1
        return
      else
        i64.const 0
        return
      end
    end
    unreachable
  )
  (func $chain (export "chain") (param $a i64) (param $b i64) (param $c i64) (result i32)
    (local $tmp.i32.3 i32)
    (local $tmp.i64.4 i64)
    local.get $a
    local.get $b
    local.tee $tmp.i64.4
    i64.lt_s
    if (result i32)
      local.get $tmp.i64.4
      local.get $c
      i64.le_s
    else
      i32.const 0
    end
    local.tee $tmp.i32.3
    if (result i32)
      local.get $a
      local.get $c
      i64.eq
      i32.eqz
    else
      local.get $tmp.i32.3
    end
    return
    unreachable
  )
  (func $__ml_error (export "__ml_error") (result i32)
    global.get $__ml_error_code
  )
  (func $__ml_ipow (param $base i64) (param $exp i64) (result i64)
    (local $result i64)
    (local $tmp.i64.3 i64)
    local.get $exp
    i64.const 0
    i64.lt_s
    if
      i32.const 7
      global.set $__ml_error_code
      unreachable
    end
    i64.const 1
    local.set $result
    block
      loop
        local.get $exp
        i64.eqz
        br_if 1
        local.get $exp
        i64.const 1
        i64.and
        i64.eqz
        i32.eqz
        if
          local.get $result
          local.get $base
          i64.mul
          local.set $tmp.i64.3
          local.get $result
          i64.const 2147483648
          i64.add
          local.get $base
          i64.const 2147483648
          i64.add
          i64.or
          i64.const 4294967296
          i64.ge_u
          if
            local.get $result
            i64.const -1
            i64.eq
            if
              local.get $base
              i64.const -9223372036854775808
              i64.eq
              if
                i32.const 1
                global.set $__ml_error_code
                unreachable
              end
            else
              local.get $result
              i64.eqz
              i32.eqz
              if
                local.get $tmp.i64.3
                local.get $result
                i64.div_s
                local.get $base
                i64.ne
                if
                  i32.const 1
                  global.set $__ml_error_code
                  unreachable
                end
              end
            end
          end
          local.get $tmp.i64.3
          local.set $result
        end
        local.get $exp
        i64.const 1
        i64.shr_s
        local.tee $exp
        i64.eqz
        br_if 1
        local.get $base
        local.get $base
        i64.mul
        local.set $tmp.i64.3
        local.get $base
        i64.const 2147483648
        i64.add
        local.get $base
        i64.const 2147483648
        i64.add
        i64.or
        i64.const 4294967296
        i64.ge_u
        if
          local.get $base
          i64.const -1
          i64.eq
          if
            local.get $base
            i64.const -9223372036854775808
            i64.eq
            if
              i32.const 1
              global.set $__ml_error_code
              unreachable
            end
          else
            local.get $base
            i64.eqz
            i32.eqz
            if
              local.get $tmp.i64.3
              local.get $base
              i64.div_s
              local.get $base
              i64.ne
              if
                i32.const 1
                global.set $__ml_error_code
                unreachable
              end
            end
          end
        end
        local.get $tmp.i64.3
        local.set $base
        br 0
      end
    end
    local.get $result
  )
)
