/**
 * Region levels, their order and names: the server's own pure rules (org), imported as they are so the
 * web app never keeps a copy.
 */
export {
  REGION_LEVELS,
  LEVEL_LABELS,
  LEVEL_RANK,
  levelOfCode,
  type RegionLevel,
  type RegionKind,
} from '../../../src/modules/org/org.regions';
