// The Activity filters applied to live entries must agree with the hub's query.
import { describe, expect, it } from 'vitest';
import { entry } from '../../../testing/log-entry.ts';
import { activeFilters, matchesFilters } from './log-filters.ts';

describe('log filters', () => {
  it('drops blank filters', () => {
    expect(activeFilters({ server: 'git', client: '  ', search: '', decision: undefined })).toEqual({ server: 'git' });
  });

  it('matches each field exactly', () => {
    expect(matchesFilters(entry(), {})).toBe(true);
    expect(matchesFilters(entry(), { server: 'git', client: 'cursor', decision: 'auto-read', outcome: 'ok' })).toBe(true);
    expect(matchesFilters(entry(), { server: 'gi' })).toBe(false);
    expect(matchesFilters(entry(), { client: 'zed' })).toBe(false);
    expect(matchesFilters(entry(), { decision: 'denied-user' })).toBe(false);
    expect(matchesFilters(entry(), { outcome: 'refused' })).toBe(false);
  });

  it('searches tool, arguments and preview, case-insensitive', () => {
    expect(matchesFilters(entry(), { search: 'GIT_LOG' })).toBe(true);
    expect(matchesFilters(entry(), { search: 'src/project' })).toBe(true);
    expect(matchesFilters(entry(), { search: ' abc ' })).toBe(true);
    expect(matchesFilters(entry(), { search: 'cursor' })).toBe(false);
  });
});
