"""What `multilingual image.ja.multi` prints, computed in plain Python
(a disc drawn, turned gray with BT.601 weights, box-blurred) and statistics."""

import statistics

SHADES = " .:-=+*#%@"


def disc(w, h, r):
    gray = []
    for y in range(h):
        for x in range(w):
            inside = (2 * x + 1 - w) ** 2 + (2 * y + 1 - h) ** 2 <= 4 * r * r
            red, green, blue = (255, 255, 255) if inside else (0, 0, 128)
            gray.append((299 * red + 587 * green + 114 * blue) // 1000)
    return gray


def blur(gray, w, h, r):
    out = []
    for y in range(h):
        for x in range(w):
            window = [gray[yy * w + xx] for yy in range(max(0, y - r), min(h, y + r + 1))
                      for xx in range(max(0, x - r), min(w, x + r + 1))]
            out.append(sum(window) // len(window))
    return out


def picture(gray, w, h):
    return "\n".join("".join(SHADES[v * len(SHADES) // 256] for v in gray[y * w:(y + 1) * w])
                     for y in range(h))


def main():
    gray = disc(16, 8, 3)
    soft = blur(gray, 16, 8, 1)
    print("元の画像:")
    print(picture(gray, 16, 8))
    print("半径 1 でぼかした画像:")
    print(picture(soft, 16, 8))
    print("平均の明るさ: %.2f → %.2f" % (statistics.mean(gray), statistics.mean(soft)))
    counts = {band: sum(1 for v in gray if v * 4 // 256 == band) for band in range(4)}
    print("ヒストグラム: %s" % counts)
    print("単純ぼかし: %s" % ([[2, 1, 2], [1, 1, 1], [2, 1, 2]],))
    print("誤り: 画素の数は 4 のはずが 3")


if __name__ == "__main__":
    main()
