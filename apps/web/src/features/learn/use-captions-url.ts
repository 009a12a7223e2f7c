"use client";

import { useEffect, useState } from "react";

/**
 * A blob URL for WebVTT text, for a video's captions <track>: made in an effect (never during render, where React
 * may run it twice and leak one) and revoked when the text changes or the video goes. Null without text.
 */
export function useCaptionsUrl(vtt: string | null | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!vtt?.trim()) {
      setUrl(null);
      return;
    }
    const next = URL.createObjectURL(new Blob([vtt], { type: "text/vtt" }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [vtt]);
  return url;
}
