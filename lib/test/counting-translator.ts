import { createTranslator } from "next-intl";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import zh from "@/messages/zh.json";

/** A Chinese translator that counts its calls: an export asks it for every row's labels, so the count shows how far it read. */
export function countingTranslator(): { t: Translate; calls: () => number } {
  let calls = 0;
  const t = new Proxy(createTranslator({ locale: "zh", messages: zh }), {
    apply: (target, self, args) => {
      calls += 1;
      return Reflect.apply(target, self, args) as unknown;
    },
  }) as unknown as Translate;
  return { t, calls: () => calls };
}
