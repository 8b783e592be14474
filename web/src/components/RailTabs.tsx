/**
 * The left rail's tabs, following the ARIA tabs pattern: one tab stop for the whole tab list (roving
 * tabindex), arrow keys move between tabs and show them, Home and End jump to the ends. Every panel
 * stays mounted and is only hidden, so a list keeps its filters, scroll and loaded data across tabs.
 */
import { useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import './RailTabs.css';

export interface RailTab<Id extends string> {
  readonly id: Id;
  readonly label: string;
  readonly panel: ReactNode;
}

interface RailTabsProps<Id extends string> {
  readonly label: string;
  readonly tabs: readonly RailTab<Id>[];
  readonly active: Id;
  readonly onSelect: (id: Id) => void;
}

export function RailTabs<Id extends string>({ label, tabs, active, onSelect }: RailTabsProps<Id>) {
  const baseId = useId();
  const buttons = useRef(new Map<Id, HTMLButtonElement>());
  const tabId = (id: Id) => `${baseId}-tab-${id}`;
  const panelId = (id: Id) => `${baseId}-panel-${id}`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.id === active);
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? tabs[(index + 1) % tabs.length]
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? tabs[(index - 1 + tabs.length) % tabs.length]
          : event.key === 'Home'
            ? tabs[0]
            : event.key === 'End'
              ? tabs[tabs.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    onSelect(next.id);
    buttons.current.get(next.id)?.focus();
  };

  return (
    <div className="rail-tabs">
      <div className="rail-tabs__list" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(el) => {
              if (el) buttons.current.set(tab.id, el);
              else buttons.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={tabId(tab.id)}
            className="rail-tabs__tab"
            aria-selected={tab.id === active}
            aria-controls={panelId(tab.id)}
            tabIndex={tab.id === active ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={panelId(tab.id)}
          className="rail-tabs__panel"
          aria-labelledby={tabId(tab.id)}
          // Focusable so keyboard users can scroll a long panel; the tab is one Tab press away.
          tabIndex={0}
          hidden={tab.id !== active}
        >
          {tab.panel}
        </div>
      ))}
    </div>
  );
}
