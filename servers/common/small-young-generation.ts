// Imported first by each bundled server, for its side effect: V8 keeps the young generation (where
// new objects are made) at its first size instead of growing it while the server loads and
// keeping what it grew. A server sits idle most of its life; this keeps about 7 MB off each. The hub
// also starts its bundled servers with --max-semi-space-size=1, which holds before this runs.
import v8 from 'node:v8';

v8.setFlagsFromString('--semi-space-growth-factor=1');
