#!/usr/bin/env bash
# Dev-only: (re)builds the narrated demo videos and their WebVTT transcripts.
# Not run by CI or tests; the generated files are committed under packages/db/assets/.
#
# Requirements (Debian): apt-get install -y ffmpeg espeak-ng fonts-dejavu-core
#
# Usage (from anywhere):
#   bash packages/db/scripts/build-demo-media.sh            # every script in media-src/
#   bash packages/db/scripts/build-demo-media.sh calvin-cycle python-loops
#
# Source format: packages/db/scripts/media-src/<name>.txt
#   # course: Photosynthesis Essentials     (header lines start with "#")
#   # lesson: The Calvin cycle
#   # accent: #2f9e5b                        (slide accent colour)
#   One cue per line: each line is synthesized separately, so its measured
#   audio length becomes the cue's timing. {es:texto} speaks "texto" with the
#   Spanish voice; the transcript shows just "texto".
#
# Output: assets/transcripts/<name>.vtt and assets/media/<name>.webm
# (VP9 640x360 slide video at a low frame rate + mono Opus narration).
# Captions are NOT burned into the picture: the player shows the .vtt as a captions track, and burned-in text
# showed every line twice. Each file is stamped (metadata comment "$CAPTIONS_STAMP") so a test can tell.
#
# REUSE_AUDIO=1 re-renders only the picture of existing files, copying their narration and keeping their .vtt
# (no espeak-ng needed, timings unchanged).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC_DIR="$ROOT/scripts/media-src"
MEDIA_DIR="$ROOT/assets/media"
VTT_DIR="$ROOT/assets/transcripts"

VOICE="${VOICE:-en-us}"
SPEED="${SPEED:-150}"          # words per minute
PAUSE="${PAUSE:-0.25}"         # silence between cues (seconds)
TAIL="${TAIL:-0.60}"           # silence after the last cue (seconds)
FPS="${FPS:-4}"
AUDIO_BITRATE="${AUDIO_BITRATE:-16k}"
CRF="${CRF:-50}"
GOP_SECONDS="${GOP_SECONDS:-30}"
RATE=22050                     # espeak-ng output sample rate
REUSE_AUDIO="${REUSE_AUDIO:-0}"
CAPTIONS_STAMP="lumen-captions=track-only"

tools=(ffmpeg ffprobe awk)
[[ "$REUSE_AUDIO" == 1 ]] || tools+=(espeak-ng)
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y ffmpeg espeak-ng)" >&2; exit 1; }
done
mkdir -p "$MEDIA_DIR" "$VTT_DIR"

# seconds (float) -> HH:MM:SS.mmm
ts() { awk -v s="$1" 'BEGIN { ms = int(s * 1000 + 0.5); printf "%02d:%02d:%02d.%03d", int(ms / 3600000), int(ms / 60000) % 60, int(ms / 1000) % 60, ms % 1000 }'; }
# seconds (float) -> ASS time H:MM:SS.cc
ass_ts() { awk -v s="$1" 'BEGIN { cs = int(s * 100 + 0.5); printf "%d:%02d:%02d.%02d", int(cs / 360000), int(cs / 6000) % 60, int(cs / 100) % 60, cs % 100 }'; }
# "#rrggbb" -> ASS "&H00bbggrr"
ass_colour() { local h="${1#\#}"; printf '&H00%s%s%s' "${h:4:2}" "${h:2:2}" "${h:0:2}"; }
# number of samples in a wav (exact, from ffprobe)
wav_seconds() { ffprobe -v error -show_entries format=duration -of csv=p=0 "$1"; }
header() { sed -n "s/^# *$1: *//p" "$2" | head -n 1; }

build_one() {
  local name="$1"
  local src="$SRC_DIR/$name.txt"
  [[ -f "$src" ]] || { echo "no such script: $src" >&2; return 1; }
  local course lesson accent
  course="$(header course "$src")"
  lesson="$(header lesson "$src")"
  accent="$(header accent "$src")"
  accent="${accent:-#3b82f6}"

  local tmp
  tmp="$(mktemp -d)"
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp'" RETURN

  local total audio
  if [[ "$REUSE_AUDIO" == 1 ]]; then
    audio="$MEDIA_DIR/$name.webm"
    [[ -f "$audio" ]] || { echo "$name: no existing video to take the narration from" >&2; return 1; }
    total="$(wav_seconds "$audio")"
  else
    ffmpeg -v error -f lavfi -i "anullsrc=r=$RATE:cl=mono" -t "$PAUSE" -c:a pcm_s16le "$tmp/pause.wav"
    ffmpeg -v error -f lavfi -i "anullsrc=r=$RATE:cl=mono" -t "$TAIL" -c:a pcm_s16le "$tmp/tail.wav"

    local -a lines=()
    while IFS= read -r line || [[ -n "$line" ]]; do
      [[ -z "${line// /}" || "$line" == \#* ]] && continue
      lines+=("$line")
    done <"$src"
    local n=${#lines[@]}
    ((n > 0)) || { echo "$name: no cues" >&2; return 1; }

    local vtt="$tmp/out.vtt" list="$tmp/list.txt"
    printf 'WEBVTT\n\n' >"$vtt"
    : >"$list"
    local t=0 i
    for ((i = 0; i < n; i++)); do
      local raw="${lines[$i]}"
      # Shown text: drop the {lang:...} markup. Spoken text: SSML with a voice switch.
      local shown spoken
      shown="$(printf '%s' "$raw" | sed -E 's/\{[a-z-]+:([^}]*)\}/\1/g')"
      spoken="$(printf '%s' "$raw" | sed -E 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/\{([a-z-]+):([^}]*)\}/<voice xml:lang="\1">\2<\/voice>/g')"
      espeak-ng -v "$VOICE" -s "$SPEED" -m -w "$tmp/$i.wav" "<speak>$spoken</speak>"
      local d gap end
      d="$(wav_seconds "$tmp/$i.wav")"
      if ((i < n - 1)); then gap="$PAUSE"; else gap="$TAIL"; fi
      end="$(awk -v a="$t" -v b="$d" -v c="$gap" 'BEGIN { printf "%.6f", a + b + c }')"
      printf '%s --> %s\n%s\n\n' "$(ts "$t")" "$(ts "$end")" "$shown" >>"$vtt"
      printf 'file %s\n' "$tmp/$i.wav" >>"$list"
      if ((i < n - 1)); then printf 'file %s\n' "$tmp/pause.wav" >>"$list"; else printf 'file %s\n' "$tmp/tail.wav" >>"$list"; fi
      t="$end"
    done

    ffmpeg -v error -f concat -safe 0 -i "$list" -c:a pcm_s16le "$tmp/all.wav"
    total="$(wav_seconds "$tmp/all.wav")"
    audio="$tmp/all.wav"
  fi

  local acc
  acc="$(ass_colour "$accent")"
  {
    printf '[Script Info]\nScriptType: v4.00+\nPlayResX: 640\nPlayResY: 360\nWrapStyle: 0\nScaledBorderAndShadow: yes\n\n'
    printf '[V4+ Styles]\n'
    printf 'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n'
    printf 'Style: Course,DejaVu Sans,15,%s,&H00FFFFFF,&H00000000,&H00000000,1,0,0,0,100,100,1,0,1,0,0,7,36,36,28,1\n' "$acc"
    printf 'Style: Brand,DejaVu Sans,13,&H00B8A394,&H00FFFFFF,&H00000000,&H00000000,0,0,0,0,100,100,1,0,1,0,0,9,36,36,28,1\n'
    printf 'Style: Title,DejaVu Sans,34,&H00FFFFFF,&H00FFFFFF,&H00000000,&H00000000,1,0,0,0,100,100,0,0,1,0,0,7,36,60,70,1\n'
    printf 'Style: Bar,DejaVu Sans,20,%s,&H00FFFFFF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,0,0,7,0,0,0,1\n' "$acc"
    printf '\n'
    printf '[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n'
    local all_end
    all_end="$(ass_ts "$(awk -v a="$total" 'BEGIN { printf "%.3f", a + 1 }')")"
    printf 'Dialogue: 0,0:00:00.00,%s,Bar,,0,0,0,,{\\pos(36,62)\\p1}m 0 0 l 56 0 56 5 0 5{\\p0}\n' "$all_end"
    printf 'Dialogue: 0,0:00:00.00,%s,Course,,0,0,0,,%s\n' "$all_end" "${course^^}"
    printf 'Dialogue: 0,0:00:00.00,%s,Brand,,0,0,0,,Lumen\n' "$all_end"
    printf 'Dialogue: 0,0:00:00.00,%s,Title,,0,0,0,,%s\n' "$all_end" "$lesson"
  } >"$tmp/slide.ass"

  local -a audio_codec=(-c:a libopus -b:a "$AUDIO_BITRATE" -ac 1 -application voip)
  [[ "$REUSE_AUDIO" == 1 ]] && audio_codec=(-c:a copy)
  local gop
  gop="$(awk -v f="$FPS" -v g="$GOP_SECONDS" 'BEGIN { print int(f * g) }')"
  ffmpeg -v error -y \
    -f lavfi -i "color=c=0x111827:s=640x360:r=$FPS:d=$total" \
    -i "$audio" \
    -map 0:v -map 1:a \
    -vf "ass=$tmp/slide.ass" \
    -c:v libvpx-vp9 -crf "$CRF" -b:v 0 -g "$gop" -deadline good -cpu-used 4 -row-mt 1 -pix_fmt yuv420p \
    "${audio_codec[@]}" \
    -metadata title="$course: $lesson" -metadata comment="$CAPTIONS_STAMP" \
    "$tmp/out.webm"

  mv "$tmp/out.webm" "$MEDIA_DIR/$name.webm"
  [[ "$REUSE_AUDIO" == 1 ]] || mv "$tmp/out.vtt" "$VTT_DIR/$name.vtt"
  printf '%-40s %7.2fs  %s\n' "$name" "$total" "$(du -h "$MEDIA_DIR/$name.webm" | cut -f1)"
}

names=("$@")
if ((${#names[@]} == 0)); then
  for f in "$SRC_DIR"/*.txt; do names+=("$(basename "$f" .txt)"); done
fi
for name in "${names[@]}"; do build_one "$name"; done
