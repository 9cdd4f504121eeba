// The layer walk's fuzz targets in the fast tier (see suite.ts).
import { fuzzSuite } from './suite.js';
import { layerGzip } from './targets/layer-gzip.js';
import { layerZstd } from './targets/layer-zstd.js';
import { mergedView } from './targets/merged-view.js';
import { tar } from './targets/tar.js';

fuzzSuite(
  [tar, layerGzip, layerZstd, mergedView],
  { tar: 800, 'layer-gzip': 400, 'layer-zstd': 400, 'merged-view': 200 },
  1_800,
);
