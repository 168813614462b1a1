import type { components } from '../api/schema';

type Schemas = components['schemas'];

export type CodeName = Schemas['CodeName'];
export type PeerContact = Schemas['PeerContactRead'];
export type Peer = Schemas['PeerRead'];
export type CellPeers = Schemas['CellPeersRead'];
export type MeasurePeer = Schemas['MeasurePeerRead'];
export type MunicipalityPeers = Schemas['MunicipalityPeersRead'];
export type PeerContactChoice = Schemas['PeerContactChoice'];
/**
 * What a peer shares with the municipality besides its size (`PeerRead.overeenkomsten`). The
 * contract lists these words in its description only, so a word the SPA does not know is skipped.
 */
export type Likeness = 'zelfde-arbeidsmarktregio' | 'zelfde-provincie' | 'zelfde-leverancier';
