export declare const SERVER_HEAP_FLAG: string;
