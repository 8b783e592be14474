/**
 * The first of several wordings that fits an input's text box at its current size and font: a long
 * placeholder on a wide box, a shorter one where the long one would be cut (a phone, a longer language).
 * Measured with the input's own computed font; measured again when the box changes size, the fonts have
 * loaded or the words change.
 */
import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

let measurer: CanvasRenderingContext2D | null | undefined;

/** Width in px of `text` in `font` (a CSS font shorthand), or undefined where the page cannot measure. */
function textWidth(text: string, font: string): number | undefined {
  if (measurer === undefined) measurer = document.createElement('canvas').getContext('2d');
  if (!measurer) return undefined;
  measurer.font = font;
  return measurer.measureText(text).width;
}

/** The room for text inside an element: its inner width less its padding. */
function room(element: HTMLElement): { width: number; font: string } {
  const style = getComputedStyle(element);
  return {
    width: element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
    font: style.font || `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`,
  };
}

export function useFittingText(ref: RefObject<HTMLElement | null>, wordings: readonly string[]): string {
  const key = wordings.join('\u0000');
  const [chosen, setChosen] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const choose = () => {
      const { width, font } = room(element);
      if (width <= 0) return; // not laid out (a hidden box): keep what was chosen
      const fits = wordings.findIndex((text) => (textWidth(text, font) ?? 0) <= width);
      // None fits: the shortest wording, cut the least.
      setChosen(fits >= 0 ? fits : wordings.length - 1);
    };
    choose();
    // A web font that arrives later changes the widths.
    void document.fonts?.ready.then(choose);
    const resize = new ResizeObserver(choose);
    resize.observe(element);
    return () => resize.disconnect();
    // `key` stands for the wordings' text, so a new array with the same words measures nothing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ref, key]);
  return wordings[Math.min(chosen, wordings.length - 1)] ?? '';
}
